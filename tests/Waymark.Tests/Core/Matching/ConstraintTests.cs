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
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_service_that_meets_the_constraint_is_in_and_one_that_breaks_it_is_out(Case c)
    {
        var meets = c.Meets(Bare(ServiceGraph.Named("Meets")));
        var breaks = c.Breaks(Bare(ServiceGraph.Named("Breaks")));

        var outcome = Match(c.Query(Near()), meets, breaks);

        Assert.Equal([meets.Id], outcome.Results.Select(r => r.Id));
        Assert.Equal(1, outcome.TotalMatches);
    }
}
