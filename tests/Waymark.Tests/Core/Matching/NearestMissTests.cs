using Waymark.Core.Matching;
using Waymark.Core.Schedules;

namespace Waymark.Tests.Core.Matching;

/// <summary>When nothing fits, up to 3 services that break exactly one parameter, each saying which and why.</summary>
public sealed class NearestMissTests : MatcherTestBase
{
    public sealed record Case(string Breaks, string Reason, Func<MatchQuery, MatchQuery> Query, Func<ServiceGraph, ServiceGraph> Service)
    {
        public override string ToString() => Breaks;
    }

    public static TheoryData<Case> Cases => new()
    {
        new("within_km", "23 km away — further than the 15 km you said", q => q, s => s.KmNorth(23).With("delivery:in-person")),
        new("delivery", "Only by phone — not a way you chose", q => q with { Delivery = Set("delivery:text") }, s => s.With("delivery:phone")),
        new("format", "Only group — not the kind of support you chose", q => q with { Format = Set("format:one-to-one") }, s => s.With("delivery:phone", "format:group")),
        new("when", "Not open at the times you chose", q => q with { When = WhenWindows.Weekend }, s => s.With("delivery:phone").Opens("MO", "09:00", "17:00")),
        new("open_now", "Closed now — opens Thursday 3 December at 18:00", q => q with { OpenNow = true }, s => s.With("delivery:phone").Opens("TH", "18:00", "20:00")),
        new("access", "Needs a referral — you asked for services you can contact yourself", q => q with { SelfAccessOnly = true }, s => s.With("delivery:phone", "access:gp-referral")),
        new("free", "Costs money — you asked for free services", q => q with { FreeOnly = true }, s => s.With("delivery:phone").Costs(20)),
        new("age", "For ages 18 to 25 — you said you are 40", q => q with { Age = 40 }, s => s.With("delivery:phone").Ages(18, 25)),
        new("gender", "For women only", q => q with { Gender = Gender.Man }, s => s.With("delivery:phone", "eligibility:women-only")),
        new("circumstances", "For students only", q => q, s => s.With("delivery:phone", "eligibility:students-only")),
        new("language", "Not available in Polish", q => q with { Language = "pl" }, s => s.With("delivery:phone").Speaks("en")),
        new("needs", "Does not list british sign language or hearing loop", q => q with { Needs = Set("access-needs:bsl", "access-needs:hearing-loop") }, s => s.With("delivery:phone")),
        new("near", "Only for people who live in Wakefield", q => q, s => s.With("delivery:phone").Area("Wakefield")),
        new("near", "Only for people who live in Kingston upon Hull or the East Riding of Yorkshire", q => q, s => s.KmNorth(3).With("delivery:in-person").Area("Kingston upon Hull").Area("East Riding of Yorkshire")),
        new("near", "Only for people who live in Leeds", q => q with { Place = null }, s => s.With("delivery:online").Area("Leeds")),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_service_breaking_one_parameter_is_a_nearest_miss(Case c)
    {
        var service = c.Service(ServiceGraph.Named("Almost"));

        var outcome = MatchBoth(c.Query(Near()), service);

        Assert.Empty(outcome.Results);
        var miss = Assert.Single(outcome.NearestMisses);
        Assert.Equal(service.Id, miss.Id);
        Assert.Equal(c.Breaks, miss.Breaks);
        Assert.Equal(c.Reason, miss.Reason);
    }

    [Fact]
    public void A_service_breaking_two_parameters_is_not_a_nearest_miss()
    {
        var twoOff = ServiceGraph.Named("Two off").With("delivery:phone", "format:group").Costs(5);

        var outcome = Match(Near() with { Format = Set("format:one-to-one"), FreeOnly = true }, twoOff);

        Assert.Empty(outcome.NearestMisses);
    }

    [Fact]
    public void At_most_three_misses_one_of_each_kind_first()
    {
        var services = new[]
        {
            ServiceGraph.Named("Far 1").KmNorth(20).With("delivery:in-person", "format:one-to-one"),
            ServiceGraph.Named("Far 2").KmNorth(21).With("delivery:in-person", "format:one-to-one"),
            ServiceGraph.Named("Far 3").KmNorth(22).With("delivery:in-person", "format:one-to-one"),
            ServiceGraph.Named("Group").KmNorth(2).With("delivery:in-person", "format:group"),
            ServiceGraph.Named("Paid").KmNorth(2).With("delivery:in-person", "format:one-to-one").Costs(5),
        };

        var outcome = Match(Near() with { Format = Set("format:one-to-one"), FreeOnly = true }, services);

        Assert.Equal(3, outcome.NearestMisses.Count);
        Assert.Equal(["format", "free", "within_km"], outcome.NearestMisses.Select(m => m.Breaks).Order());
    }

    [Fact]
    public void A_service_for_another_area_that_also_breaks_something_else_is_not_a_nearest_miss()
    {
        var twoOff = ServiceGraph.Named("Wakefield group").With("delivery:phone", "format:group").Area("Wakefield");

        var outcome = MatchBoth(Near() with { Format = Set("format:one-to-one") }, twoOff);

        Assert.Empty(outcome.NearestMisses);
    }

    [Fact]
    public void A_service_only_for_another_organisations_people_is_never_a_nearest_miss()
    {
        // Nothing the person could change lets them in, unlike a distance or a time.
        var staffLine = ServiceGraph.Named("Staff line").With("delivery:phone", "eligibility:members-only");
        var far = ServiceGraph.Named("Far").KmNorth(30).With("delivery:in-person");

        var outcome = MatchBoth(Near(), staffLine, far);

        Assert.Empty(outcome.Results);
        Assert.Equal([far.Id], outcome.NearestMisses.Select(m => m.Id));
    }

    [Fact]
    public void No_misses_when_there_are_results()
    {
        var outcome = Match(Near(), Plain(), ServiceGraph.Named("Far").KmNorth(20).With("delivery:in-person"));

        Assert.Single(outcome.Results);
        Assert.Empty(outcome.NearestMisses);
    }
}
