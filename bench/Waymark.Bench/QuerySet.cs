using System.Globalization;
using System.Text;
using Waymark.Core.Gazetteer;
using Waymark.Core.Matching;
using Waymark.Core.Schedules;

namespace Waymark.Bench;

/// <summary>One search, as the matcher sees it and as the API's query string, so in-process and HTTP runs ask the same thing.</summary>
public sealed record BenchQuery(MatchQuery Query, string QueryString);

/// <summary>
/// A fixed, seeded mix of searches near the towns <c>waymark generate</c> puts services in: distances, delivery,
/// format, times, open now, age, needs, preferences, urgency; about one in ten remote-only (no place).
/// </summary>
public static class QuerySet
{
    public const int DefaultCount = 1000;
    public const int DefaultSeed = 20261202;

    // Town centres the generator uses (a subset, spread over England).
    private static readonly (double Lat, double Lon)[] Towns =
    [
        (51.5074, -0.1278), (51.3762, -0.0982), (52.4862, -1.8904), (52.4068, -1.5197), (53.4808, -2.2426),
        (53.4084, -2.9916), (53.8008, -1.5491), (53.7960, -1.7594), (53.3811, -1.4701), (53.5228, -1.1285),
        (53.9600, -1.0873), (54.2831, -0.3998), (53.7676, -0.3274), (53.2307, -0.5406), (54.9783, -1.6178),
        (54.5742, -1.2350), (54.8925, -2.9329), (53.7632, -2.7031), (53.0027, -2.1794), (52.9548, -1.1581),
        (52.6369, -1.1398), (52.2053, 0.1218), (52.6309, 1.2974), (52.0567, 1.1482), (51.7520, -1.2577),
        (51.4543, -0.9781), (50.9097, -1.4044), (50.8225, -0.1372), (51.2802, 1.0789), (51.4545, -2.5879),
        (50.7184, -3.5339), (50.3755, -4.1427), (50.2632, -5.0510), (52.1936, -2.2216), (52.7073, -2.7553),
    ];

    private static readonly string[][] Deliveries =
    [
        ["in-person"], ["in-person", "phone"], ["phone", "online"], ["in-person", "home-visit"], ["text"], ["online"],
    ];

    private static readonly string[][] RemoteDeliveries = [["phone"], ["online"], ["phone", "online"], ["text"], ["phone", "text", "online"]];
    private static readonly string[][] Formats = [["one-to-one"], ["group"], ["drop-in"], ["one-to-one", "drop-in"], ["helpline"]];
    private static readonly string[] Whens = ["weekday-evening", "weekend", "weekday-daytime", "weekday-evening,weekend"];
    private static readonly string[] Needs = ["wheelchair", "bsl", "quiet-space", "neurodivergent-adjustments", "hearing-loop", "easy-read"];
    private static readonly string[] Prefers = ["delivered-by:peer", "format:one-to-one", "audience:young-adults", "audience:women", "audience:lgbtq", "delivered-by:counsellor", "audience:neurodivergent"];
    private static readonly double[] Distances = [5, 10, 15, 25, 50];

    // Instants to judge "now" by, so open_now gives the same answer on every run.
    private static readonly string[] Instants = ["2026-12-02T12:00:00Z", "2026-12-02T19:30:00Z", "2026-12-05T11:00:00Z", "2026-12-04T23:30:00Z", "2026-12-07T08:00:00Z"];

    public static IReadOnlyList<BenchQuery> Create(int count = DefaultCount, int seed = DefaultSeed)
    {
        // Not for security: a fixed seed makes the same searches on every run.
#pragma warning disable CA5394
        var random = new Random(seed);
        var list = new List<BenchQuery>(count);
        for (var n = 0; n < count; n++)
        {
            var q = new MatchQuery();
            var s = new StringBuilder();

            void Param(string name, string value)
            {
                s.Append(s.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }

            var remoteOnly = random.Next(10) == 0;
            if (!remoteOnly)
            {
                var town = Towns[random.Next(Towns.Length)];
                var lat = Math.Round(town.Lat + ((random.NextDouble() - 0.5) * 0.12), 4);
                var lon = Math.Round(town.Lon + ((random.NextDouble() - 0.5) * 0.18), 4);
                // In the local authorities the API would find for "lat,lon" (the nearest postcode district's), if any.
                var district = Gazetteer.NearestDistrict(lat, lon);
                q = q with
                {
                    Place = new ResolvedPlace("bench", lat, lon, PlacePrecision.Coordinates, district?.LocalAuthority)
                    {
                        Authorities = district is null ? [] : LocalAuthorities.FindAll(district.LocalAuthorityNames),
                    },
                };
                Param("near", string.Create(CultureInfo.InvariantCulture, $"{lat},{lon}"));
                var km = Distances[random.Next(Distances.Length)];
                if (km != MatchQuery.DefaultWithinKm)
                {
                    q = q with { WithinKm = km };
                    Param("within_km", km.ToString(CultureInfo.InvariantCulture));
                }
            }

            var delivery = remoteOnly ? RemoteDeliveries[random.Next(RemoteDeliveries.Length)]
                : random.Next(10) < 3 ? Deliveries[random.Next(Deliveries.Length)] : null;
            if (delivery is not null)
            {
                q = q with { Delivery = Set("delivery", delivery) };
                Param("delivery", string.Join(',', delivery));
            }
            if (random.Next(10) < 3)
            {
                var format = Formats[random.Next(Formats.Length)];
                q = q with { Format = Set("format", format) };
                Param("format", string.Join(',', format));
            }
            if (random.Next(10) < 2)
            {
                var when = Whens[random.Next(Whens.Length)];
                q = q with { When = ParseWhen(when) };
                Param("when", when);
            }
            var at = Instants[random.Next(Instants.Length)];
            q = q with { At = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) };
            Param("at", at);
            if (random.Next(100) < 15)
            {
                q = q with { OpenNow = true };
                Param("open_now", "true");
            }
            if (random.Next(100) < 15)
            {
                q = q with { SelfAccessOnly = true };
                Param("access", "self");
            }
            if (random.Next(100) < 15)
            {
                q = q with { FreeOnly = true };
                Param("free", "true");
            }
            if (random.Next(10) < 3)
            {
                var age = 16 + random.Next(60);
                q = q with { Age = age };
                Param("age", age.ToString(CultureInfo.InvariantCulture));
            }
            if (random.Next(100) < 15)
            {
                var needs = random.Next(3) == 0 ? new[] { Needs[random.Next(Needs.Length)], Needs[random.Next(Needs.Length)] }.Distinct().ToArray() : [Needs[random.Next(Needs.Length)]];
                q = q with { Needs = Set("access-needs", needs) };
                Param("needs", string.Join(',', needs));
            }
            if (random.Next(100) < 5)
            {
                var language = random.Next(2) == 0 ? "pl" : "ur";
                q = q with { Language = language };
                Param("language", language);
            }
            if (random.Next(10) < 3)
            {
                var prefer = new[] { Prefers[random.Next(Prefers.Length)], Prefers[random.Next(Prefers.Length)] }.Distinct().ToArray();
                var set = UInt128.Zero;
                foreach (var p in prefer)
                {
                    set |= Codes.Of(p);
                }
                q = q with { Prefer = set };
                Param("prefer", string.Join(',', prefer));
            }
            var urgency = random.Next(10);
            if (urgency == 0)
            {
                q = q with { Urgency = Urgency.Now };
                Param("urgency", "now");
            }
            else if (urgency < 3)
            {
                q = q with { Urgency = Urgency.Soon };
                Param("urgency", "soon");
            }
            list.Add(new BenchQuery(q, s.ToString()));
        }
#pragma warning restore CA5394
        return list;
    }

    private static UInt128 Set(string family, string[] values)
    {
        var set = UInt128.Zero;
        foreach (var v in values)
        {
            set |= Codes.Of(family + ":" + v);
        }
        return set;
    }

    private static WhenWindows ParseWhen(string text)
    {
        var when = WhenWindows.None;
        foreach (var item in text.Split(','))
        {
            when |= item switch
            {
                "weekday-daytime" => WhenWindows.WeekdayDaytime,
                "weekday-evening" => WhenWindows.WeekdayEvening,
                _ => WhenWindows.Weekend,
            };
        }
        return when;
    }
}
