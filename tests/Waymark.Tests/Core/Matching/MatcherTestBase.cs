using Waymark.Core.Gazetteer;
using Waymark.Core.Matching;
using Waymark.Core.Schedules;

namespace Waymark.Tests.Core.Matching;

public abstract class MatcherTestBase
{
    /// <summary>Wednesday 2 December 2026, noon in the UK (GMT).</summary>
    public static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    public static readonly ResolvedPlace Home = new("Leeds", ServiceGraph.HomeLat, ServiceGraph.HomeLon, PlacePrecision.Place, "Leeds");

    /// <summary>A search from central Leeds, assured listings, all defaults otherwise.</summary>
    public static MatchQuery Near() => new() { Place = Home, At = Noon };

    public static UInt128 Set(params string[] codes)
    {
        var set = UInt128.Zero;
        foreach (var c in codes)
        {
            set |= Codes.Of(c);
        }
        return set;
    }

    public static MatchOutcome Match(MatchQuery query, params ServiceGraph[] services) =>
        new Matcher(new NoReferralWaits()).Match(DirectorySnapshot.From(services.Select(s => s.Build()), Noon), query, Noon);

    /// <summary>The search on both engines, the fast matcher and the plain reference; they must agree, and the fast one's answer is returned.</summary>
    public static MatchOutcome MatchBoth(MatchQuery query, params ServiceGraph[] services)
    {
        var snapshot = DirectorySnapshot.From(services.Select(s => s.Build()), Noon);
        var matcher = new Matcher(new NoReferralWaits());
        var fast = matcher.Match(snapshot, query, Noon);
        var plain = matcher.MatchByScanningEverything(snapshot, query, Noon);
        Assert.Equal(plain.Results.Select(r => (r.Id, r.Score, string.Join('|', r.Reasons), string.Join('|', r.Cautions))),
            fast.Results.Select(r => (r.Id, r.Score, string.Join('|', r.Reasons), string.Join('|', r.Cautions))));
        Assert.Equal(plain.TotalMatches, fast.TotalMatches);
        Assert.Equal(plain.NearestMisses, fast.NearestMisses);
        Assert.Equal(plain.WhileYouWait, fast.WhileYouWait);
        return fast;
    }

    /// <summary>A place in these local authorities (by name), at the home point.</summary>
    public static ResolvedPlace PlaceIn(params string[] authorities) =>
        new("Somewhere", ServiceGraph.HomeLat, ServiceGraph.HomeLon, PlacePrecision.Place, authorities.FirstOrDefault())
        {
            Authorities = [.. authorities.Select(a => LocalAuthorities.Find(a) ?? throw new ArgumentException($"{a} is not in the authority table", nameof(authorities)))],
        };

    /// <summary>A plain in-person, self-referral, free, recently checked service 2 km from home.</summary>
    public static ServiceGraph Plain(string name = "Plain") =>
        ServiceGraph.Named(name).KmNorth(2).With("delivery:in-person", "format:one-to-one", "access:self-referral").Assured(new DateOnly(2026, 11, 1));

    public static WhenWindows Windows(params WhenWindows[] w) => w.Aggregate(WhenWindows.None, (a, b) => a | b);
}
