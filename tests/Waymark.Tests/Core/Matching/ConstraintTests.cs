using Waymark.Core.Directory;
using Waymark.Core.Matching;
using Waymark.Core.Schedules;

namespace Waymark.Tests.Core.Matching;

/// <summary>Each hard constraint of docs/contracts/matching.md §2: a service that meets it is in, one that breaks it is out.</summary>
public sealed class ConstraintTests : MatcherTestBase
{
    public sealed record Case(string Name, Func<MatchQuery, MatchQuery> Query, Func<ServiceGraph, ServiceGraph> Meets, Func<ServiceGraph, ServiceGraph> Breaks)
    {
        public override string ToString() => Name;
    }

    private static ServiceGraph Bare(ServiceGraph s) => s;

    /// <summary>An organisation whose own people a members-only service is for.</summary>
    private static readonly Guid Campus = new("7d0c5e1a-2b3f-4c6d-8e9f-0a1b2c3d4e5f");

    private static readonly Guid OtherCampus = new("8e1d6f2b-3c4a-4d7e-9f0a-1b2c3d4e5f60");

    public static TheoryData<Case> Cases => new()
    {
        new("within_km", q => q with { WithinKm = 10 }, s => s.KmNorth(5).With("delivery:in-person"), s => s.KmNorth(12).With("delivery:in-person")),
        new("a service with no delivery facts but an address is in person", q => q with { WithinKm = 10 }, s => s.KmNorth(5), s => s.KmNorth(12)),
        new("delivery: phone", q => q with { Delivery = Set("delivery:phone") }, s => s.With("delivery:phone"), s => s.KmNorth(2).With("delivery:in-person")),
        new("delivery: home-visit is judged by distance", q => q with { Delivery = Set("delivery:home-visit"), WithinKm = 10 }, s => s.KmNorth(5).With("delivery:home-visit"), s => s.KmNorth(20).With("delivery:home-visit")),
        new("without near only remote delivery", q => q with { Place = null }, s => s.With("delivery:online"), s => s.KmNorth(1).With("delivery:in-person")),
        new("format", q => q with { Format = Set("format:one-to-one", "format:drop-in") }, s => s.With("delivery:phone", "format:drop-in"), s => s.With("delivery:phone", "format:group")),
        new("when: weekday-evening, end exclusive", q => q with { When = WhenWindows.WeekdayEvening }, s => s.With("delivery:phone").Opens("MO", "18:00", "20:00"), s => s.With("delivery:phone").Opens("MO,TU,WE,TH,FR", "09:00", "17:00")),
        new("when: weekend includes Friday night past midnight", q => q with { When = WhenWindows.Weekend }, s => s.With("delivery:phone").Opens("FR", "22:00", "02:00"), s => s.With("delivery:phone").Opens("FR", "18:00", "21:30")),
        new("when: weekday-daytime within valid dates", q => q with { When = WhenWindows.WeekdayDaytime }, s => s.With("delivery:phone").Opens("TU", "10:00", "12:00", validFrom: new DateOnly(2026, 11, 1)), s => s.With("delivery:phone").Opens("TU", "10:00", "12:00", validTo: new DateOnly(2026, 11, 29))),
        new("open_now", q => q with { OpenNow = true }, s => s.With("delivery:phone").Opens("WE", "10:00", "14:00"), s => s.With("delivery:phone").Opens("WE", "12:01", "16:00")),
        new("open_now: contact for times is never open", q => q with { OpenNow = true }, s => s.With("delivery:phone").Opens("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59"), s => s.With("delivery:phone")),
        new("access=self: self-referral", q => q with { SelfAccessOnly = true }, s => s.With("delivery:phone", "access:self-referral"), s => s.With("delivery:phone", "access:gp-referral")),
        new("access=self: no referral", q => q with { SelfAccessOnly = true }, s => s.With("delivery:phone", "access:no-referral"), s => s.With("delivery:phone", "access:professional-referral")),
        new("free", q => q with { FreeOnly = true }, s => s.With("delivery:phone"), s => s.With("delivery:phone").Costs(5)),
        new("age within min and max", q => q with { Age = 30 }, s => s.With("delivery:phone").Ages(18, 65), s => s.With("delivery:phone").Ages(35, null)),
        new("age above max", q => q with { Age = 70 }, s => s.With("delivery:phone").Ages(null, 70), s => s.With("delivery:phone").Ages(18, 65)),
        new("gender woman", q => q with { Gender = Gender.Woman }, s => s.With("delivery:phone", "eligibility:women-only"), s => s.With("delivery:phone", "eligibility:men-only")),
        new("gender man", q => q with { Gender = Gender.Man }, s => s.With("delivery:phone", "eligibility:men-only"), s => s.With("delivery:phone", "eligibility:women-only")),
        new("gender non-binary excludes both gendered-only services", q => q with { Gender = Gender.NonBinary }, s => s.With("delivery:phone", "audience:women"), s => s.With("delivery:phone", "eligibility:men-only")),
        new("circumstances not given leaves out students-only", q => q, s => s.With("delivery:phone", "audience:students"), s => s.With("delivery:phone", "eligibility:students-only")),
        new("circumstances student lets students-only in", q => q with { Student = true }, s => s.With("delivery:phone", "eligibility:students-only"), s => s.With("delivery:phone", "eligibility:employees-only")),
        new("circumstances employee lets employees-only in", q => q with { Employee = true }, s => s.With("delivery:phone", "eligibility:employees-only"), s => s.With("delivery:phone", "eligibility:students-only")),
        new("language by code", q => q with { Language = "pl" }, s => s.With("delivery:phone").Speaks("en", "pl"), s => s.With("delivery:phone").Speaks("en")),
        new("language by interpreter", q => q with { Language = "ur" }, s => s.With("delivery:phone", "access-needs:interpreter"), s => s.With("delivery:phone").Speaks("pl")),
        new("English: no languages listed counts as English", q => q with { Language = "en" }, s => s.With("delivery:phone"), s => s.With("delivery:phone").Speaks("cy")),
        new("needs: all of them", q => q with { Needs = Set("access-needs:bsl", "access-needs:wheelchair") }, s => s.With("delivery:phone", "access-needs:bsl", "access-needs:wheelchair"), s => s.With("delivery:phone", "access-needs:bsl")),
        new("status: active only", q => q, s => s.With("delivery:phone"), s => s.With("delivery:phone").Status(ServiceStatus.TemporarilyClosed)),
        new("service area: a local-authority area is only for people living there", q => q, s => s.With("delivery:phone").Area("Leeds"), s => s.With("delivery:phone").Area("Wakefield")),
        new("service area: whatever the delivery (online, text, in person)", q => q, s => s.With("delivery:online").Area("Leeds"), s => s.With("delivery:online", "delivery:text").Area("Sheffield")),
        new("service area: in person nearby but for another area", q => q, s => s.KmNorth(3).With("delivery:in-person").Area("Leeds"), s => s.KmNorth(2).With("delivery:in-person").Area("Bradford")),
        new("service area: one of several areas is enough", q => q, s => s.With("delivery:phone").Area("Wakefield").Area("Leeds"), s => s.With("delivery:phone").Area("Wakefield").Area("Kirklees")),
        new("service area: by GSS code or alias", q => q with { Place = PlaceIn("Kingston upon Hull") }, s => s.With("delivery:phone").Area("E06000010").Area("East Riding"), s => s.With("delivery:phone").Area("E08000036")),
        new("service area: an old code stands for the authority that replaced it", q => q with { Place = PlaceIn("North Yorkshire") }, s => s.With("delivery:phone").Area("E07000163"), s => s.With("delivery:phone").Area("E08000032")),
        new("service area: a place that straddles authorities counts for each", q => q with { Place = PlaceIn("Bradford", "North Yorkshire") }, s => s.With("delivery:phone").Area("North Yorkshire"), s => s.With("delivery:phone").Area("Leeds")),
        new("service area: a county covers its districts", q => q with { Place = PlaceIn("Bassetlaw") }, s => s.With("delivery:phone").Area("Nottinghamshire"), s => s.With("delivery:phone").Area("Lincolnshire")),
        new("service area: a district does not cover its county's other districts", q => q with { Place = PlaceIn("West Lindsey") }, s => s.With("delivery:phone").Area("Lincolnshire"), s => s.With("delivery:phone").Area("East Lindsey")),
        new("service area: national is for everyone", q => q, s => s.With("delivery:phone").Area("England", "national"), s => s.With("delivery:phone").Area("Doncaster")),
        new("service area: England as a country is for everyone", q => q, s => s.With("delivery:phone").Area("England", "country").Area("Doncaster"), s => s.With("delivery:phone").Area("Doncaster")),
        new("service area: other extent types limit nothing", q => q, s => s.With("delivery:phone").Area("Residents of MyCity", "geojson"), s => s.With("delivery:phone").Area("Calderdale")),
        new("service area: without near, area-limited services are left out", q => q with { Place = null }, s => s.With("delivery:phone"), s => s.With("delivery:phone").Area("Leeds")),
        new("service area: a place in no known authority gets no area-limited service", q => q with { Place = new("Elsewhere", 51.5, -0.1, Waymark.Core.Gazetteer.PlacePrecision.Coordinates, null) }, s => s.With("delivery:phone").Area("England", "national"), s => s.With("delivery:phone").Area("Leeds")),
        new("members-only: left out when the search names no organisation", q => q, s => s.With("delivery:phone").RunBy(Campus, "Campus"), s => s.With("delivery:phone", "eligibility:members-only").RunBy(Campus, "Campus")),
        new("members-only: in when the search names its organisation", q => q with { MemberOf = [Campus] }, s => s.With("delivery:phone", "eligibility:members-only").RunBy(Campus, "Campus"), s => s.With("delivery:phone", "eligibility:members-only").RunBy(OtherCampus, "Other campus")),
        new("members-only: naming an organisation does not let in another's", q => q with { MemberOf = [OtherCampus] }, s => s.With("delivery:phone").RunBy(Campus, "Campus"), s => s.With("delivery:phone", "eligibility:members-only").RunBy(Campus, "Campus")),
        new("members-only and students-only: both must be met", q => q with { MemberOf = [Campus], Student = true }, s => s.With("delivery:phone", "eligibility:members-only", "eligibility:students-only").RunBy(Campus, "Campus"), s => s.With("delivery:phone", "eligibility:members-only", "eligibility:employees-only").RunBy(Campus, "Campus")),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_service_that_meets_the_constraint_is_in_and_one_that_breaks_it_is_out(Case c)
    {
        var meets = c.Meets(Bare(ServiceGraph.Named("Meets")));
        var breaks = c.Breaks(Bare(ServiceGraph.Named("Breaks")));

        var outcome = MatchBoth(c.Query(Near()), meets, breaks);

        Assert.Equal([meets.Id], outcome.Results.Select(r => r.Id));
        Assert.Equal(1, outcome.TotalMatches);
    }
}
