using Waymark.Core.Matching;
using Waymark.Core.Schedules;

namespace Waymark.Tests.Core.Matching;

/// <summary>Plain reasons and honest cautions on each result.</summary>
public sealed class ExplanationTests : MatcherTestBase
{
    public sealed record Case(string Expected, Func<MatchQuery, MatchQuery> Query, Func<ServiceGraph, ServiceGraph> Service)
    {
        public override string ToString() => Expected;
    }

    public static TheoryData<Case> Reasons => new()
    {
        new("Evening sessions", q => q with { When = WhenWindows.WeekdayEvening }, s => s.With("delivery:phone").Opens("TU", "18:00", "20:00")),
        new("Weekday daytime sessions", q => q with { When = WhenWindows.WeekdayDaytime }, s => s.With("delivery:phone").Opens("TU", "10:00", "12:00")),
        new("Weekend sessions", q => q with { When = WhenWindows.Weekend }, s => s.With("delivery:phone").Opens("SA", "10:00", "12:00")),
        new("4 km away", q => q, s => s.KmNorth(4.2).With("delivery:in-person")),
        new("Less than 1 km away", q => q, s => s.KmNorth(0.4).With("delivery:in-person")),
        new("Run by people with lived experience", q => q, s => s.With("delivery:phone", "delivered-by:peer")),
        new("One-to-one", q => q with { Format = Set("format:one-to-one") }, s => s.With("delivery:phone", "format:one-to-one")),
        new("Group", q => q with { Prefer = Set("format:group") }, s => s.With("delivery:phone", "format:group")),
        new("Free", q => q, s => s.With("delivery:phone")),
        new("You can refer yourself", q => q, s => s.With("delivery:phone", "access:self-referral")),
        new("Just call or turn up", q => q, s => s.KmNorth(0.4).With("delivery:in-person", "delivery:phone", "access:no-referral")),
        new("Just call", q => q, s => s.With("delivery:phone", "access:no-referral")),
        new("Just call", q => q, s => s.With("delivery:phone", "format:helpline", "access:self-referral")),
        new("Just text", q => q, s => s.With("delivery:text", "format:helpline", "access:no-referral")),
        new("Just call or text", q => q, s => s.With("delivery:phone", "delivery:text", "format:helpline", "access:self-referral")),
        new("Just get in touch", q => q, s => s.With("delivery:online", "format:helpline", "access:self-referral")),
        new("Just get in touch", q => q, s => s.With("delivery:online", "format:group", "access:no-referral")),
        new("Open now", q => q, s => s.With("delivery:phone").Opens("WE", "09:00", "17:00")),
        new("British Sign Language", q => q with { Needs = Set("access-needs:bsl") }, s => s.With("delivery:phone", "access-needs:bsl")),
        new("By phone", q => q with { Delivery = Set("delivery:phone") }, s => s.With("delivery:phone")),
        new("Designed for older adults (55 and over)", q => q with { Prefer = Set("audience:older-adults") }, s => s.With("delivery:phone", "audience:older-adults")),
        new("With counsellors", q => q with { Prefer = Set("delivered-by:counsellor") }, s => s.With("delivery:phone", "delivered-by:counsellor")),
        new("In Polish", q => q with { Language = "pl" }, s => s.With("delivery:phone").Speaks("pl")),
        new("Interpreters available", q => q with { Language = "pl" }, s => s.With("delivery:phone", "access-needs:interpreter")),
        new("Crisis support", q => q with { Urgency = Urgency.Now }, s => s.With("delivery:phone", "support:crisis")),
        new("No waiting list", q => q, s => s.With("delivery:phone").Waits(0)),
    };

    public static TheoryData<Case> Cautions => new()
    {
        new("Group sessions only", q => q, s => s.With("delivery:phone", "format:group")),
        new("About a 6-week wait", q => q, s => s.With("delivery:phone").Waits(42)),
        new("About a 10-day wait", q => q, s => s.With("delivery:phone").Waits(10)),
        new("About an 8-week wait", q => q, s => s.With("delivery:phone").Waits(56)),
        new("About an 11-day wait", q => q, s => s.With("delivery:phone").Waits(11)),
        new("Needs a GP referral", q => q, s => s.With("delivery:phone", "access:gp-referral")),
        new("Needs a referral from a professional", q => q, s => s.With("delivery:phone", "access:professional-referral")),
        new("Costs money", q => q, s => s.With("delivery:phone").Costs(10)),
        new("Listing not checked for 8 months", q => q, s => s.With("delivery:phone").Assured(new DateOnly(2026, 3, 20))),
        new("Not known when this listing was last checked", q => q, s => s.With("delivery:phone")),
        new("Contact for times", q => q, s => s.With("delivery:phone")),
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Each_reason_is_given_when_it_applies(Case c)
    {
        var service = c.Service(ServiceGraph.Named("Service"));

        var result = Match(c.Query(Near()), service).Results.Single();

        Assert.Contains(c.Expected, result.Reasons);
        Assert.DoesNotContain(c.Expected, result.Cautions);
    }

    [Theory]
    [MemberData(nameof(Cautions))]
    public void Each_caution_is_given_when_it_applies(Case c)
    {
        var service = c.Service(ServiceGraph.Named("Service"));

        var result = Match(c.Query(Near()), service).Results.Single();

        Assert.Contains(c.Expected, result.Cautions);
    }

    [Theory]
    [InlineData("format")]
    [InlineData("prefer")]
    public void Someone_who_asked_for_a_group_is_not_cautioned_that_it_is_a_group(string asked)
    {
        var group = ServiceGraph.Named("Group").With("delivery:phone", "format:group");
        var query = asked == "format" ? Near() with { Format = Set("format:group", "format:one-to-one") } : Near() with { Prefer = Set("format:group") };

        var result = MatchBoth(query, group).Results.Single();

        Assert.Contains("Group", result.Reasons);
        Assert.DoesNotContain("Group sessions only", result.Cautions);
        Assert.Contains("Group sessions only", MatchBoth(Near(), group).Results.Single().Cautions);
    }

    [Theory]
    [InlineData(105, "About a 15-week wait", "About 15 weeks")]
    [InlineData(240, "About a 34-week wait", "About 34 weeks")]
    [InlineData(60, "About a 9-week wait", "About 9 weeks")]
    [InlineData(10, "About a 10-day wait", "About 10 days")]
    public void A_wait_is_said_one_way_in_the_caution_and_the_waiting_time(int days, string caution, string waitingTime)
    {
        var result = MatchBoth(Near(), ServiceGraph.Named("Waits").With("delivery:phone").Waits(days)).Results.Single();

        Assert.Equal(caution, Assert.Single(result.Cautions, c => c.Contains("wait", StringComparison.Ordinal)));
        Assert.Equal(waitingTime, WaitWords.Of(result.TypicalWaitDays));
        Assert.Equal(waitingTime, Waymark.Web.Text.PlainWords.Wait(result.TypicalWaitDays));
    }

    [Theory]
    [InlineData("access:self-referral")]
    [InlineData("access:no-referral")]
    public void A_helpline_is_never_offered_as_something_to_refer_yourself_to(string access)
    {
        var helpline = ServiceGraph.Named("Night line").With("delivery:phone", "format:helpline", access);

        var result = Match(Near(), helpline).Results.Single();

        Assert.Contains("Just call", result.Reasons);
        Assert.DoesNotContain("You can refer yourself", result.Reasons);
        Assert.DoesNotContain("Just call or turn up", result.Reasons);
    }

    [Fact]
    public void A_textline_is_never_offered_as_a_call()
    {
        // Someone who cannot face a phone call must not read that a textline needs one.
        var textline = ServiceGraph.Named("Evening textline").With("delivery:text", "format:helpline", "access:no-referral");

        var reasons = Match(Near(), textline).Results.Single().Reasons;

        Assert.Contains("Just text", reasons);
        Assert.DoesNotContain(reasons, r => r.Contains("call", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_fresh_free_self_referral_one_to_one_service_with_times_has_no_cautions()
    {
        var service = Plain().Opens("MO", "09:00", "17:00");

        var result = Match(Near(), service).Results.Single();

        Assert.Empty(result.Cautions);
        Assert.Equal(["in-person"], result.Delivery);
        Assert.Equal(["one-to-one"], result.Format);
    }

    [Fact]
    public void Open_now_and_next_open_are_given_for_each_result()
    {
        var openNow = ServiceGraph.Named("Open").With("delivery:phone").Opens("WE", "09:00", "17:00");
        var later = ServiceGraph.Named("Later").With("delivery:phone").Opens("TH", "18:00", "20:00");

        var results = Match(Near(), openNow, later).Results;

        var open = results.Single(r => r.Id == openNow.Id);
        Assert.True(open.OpenNow);
        Assert.Equal(Noon, open.NextOpen);
        var closed = results.Single(r => r.Id == later.Id);
        Assert.False(closed.OpenNow);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 18, 0, 0, TimeSpan.Zero), closed.NextOpen);
    }

    [Fact]
    public void The_wait_comes_from_the_provider_or_is_unknown()
    {
        var published = ServiceGraph.Named("Published").With("delivery:phone").Waits(21);
        var unknown = ServiceGraph.Named("Unknown").With("delivery:phone");

        var results = Match(Near(), published, unknown).Results;

        Assert.Equal((21, WaitSource.Provider), results.Single(r => r.Id == published.Id) is var p ? (p.TypicalWaitDays, p.WaitSource) : default);
        Assert.Equal(((int?)null, WaitSource.Unknown), results.Single(r => r.Id == unknown.Id) is var u ? (u.TypicalWaitDays, u.WaitSource) : default);
    }
}
