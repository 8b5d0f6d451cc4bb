using Waymark.Core.Matching;

namespace Waymark.Tests.Core.Matching;

public sealed class RankingTests : MatcherTestBase
{
    [Fact]
    public void A_preferred_code_raises_rank()
    {
        var plain = Plain("No peers").KmNorth(1);
        var peer = Plain("Peers").KmNorth(1).With("delivered-by:peer");

        var without = Match(Near(), plain, peer);
        var with = Match(Near() with { Prefer = Set("delivered-by:peer") }, plain, peer);

        Assert.Equal(peer.Id, with.Results[0].Id);
        Assert.True(with.Results[0].Score > with.Results[1].Score);
        Assert.True(with.Results[0].Score > without.Results.Single(r => r.Id == peer.Id).Score);
    }

    [Fact]
    public void With_a_place_and_no_delivery_given_nearby_services_are_not_buried_under_phone_lines()
    {
        // A phone line with no wait, checked last month, against services in person near the person.
        var phoneLine = ServiceGraph.Named("Phone line").With("delivery:phone", "format:helpline").Waits(0).Assured(new DateOnly(2026, 11, 1));
        var nearby = ServiceGraph.Named("Nearby").KmNorth(8).With("delivery:in-person").Waits(14).Assured(new DateOnly(2026, 11, 1));
        var edgeWithLongWait = ServiceGraph.Named("Far, long wait").KmNorth(14).With("delivery:in-person").Waits(60).Assured(new DateOnly(2026, 11, 1));

        var nothingSaid = Match(Near(), phoneLine, nearby, edgeWithLongWait);
        var phoneAccepted = Match(Near() with { Delivery = Set("delivery:in-person", "delivery:phone") }, phoneLine, nearby, edgeWithLongWait);

        // Said nothing about how: what is near comes first, yet a better phone line still beats a poor far service.
        Assert.Equal([nearby.Id, phoneLine.Id, edgeWithLongWait.Id], nothingSaid.Results.Select(r => r.Id));
        // Named phone as a way they accept: the phone line, better on everything but distance, comes first.
        Assert.Equal([phoneLine.Id, nearby.Id, edgeWithLongWait.Id], phoneAccepted.Results.Select(r => r.Id));
    }

    [Fact]
    public void Help_now_puts_24_hour_lines_for_the_persons_own_area_before_national_ones()
    {
        // The national lines are checked more recently and one matches a preference; the local lines are for Leeds.
        static ServiceGraph Line(string name) =>
            ServiceGraph.Named(name).With("delivery:phone", "format:helpline", "access:no-referral", "support:crisis").Waits(0).Opens("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59");
        var national = Line("National line").Area("England", "national").Assured(new DateOnly(2026, 11, 25));
        var unlimited = Line("Line with no area").Assured(new DateOnly(2026, 11, 25));
        var textLine = Line("National text line").With("delivery:text").Area("England", "country").Assured(new DateOnly(2026, 11, 25));
        var local = Line("Leeds 24-hour line").Area("Leeds").Assured(new DateOnly(2026, 3, 1));
        var regional = Line("West Yorkshire line").Area("Leeds").Area("Bradford").Area("Wakefield").Assured(new DateOnly(2026, 3, 1));
        var elsewhere = Line("Wakefield line").Area("Wakefield").Assured(new DateOnly(2026, 11, 25));
        var helpNow = Near() with { Urgency = Urgency.Now, OpenNow = true, Prefer = Set("delivery:phone", "delivery:text") };

        var outcome = MatchBoth(helpNow, national, unlimited, textLine, local, regional, elsewhere);

        Assert.Equal(new[] { local.Id, regional.Id }.Order(), outcome.Results.Take(2).Select(r => r.Id).Order());
        Assert.Equal(new[] { national.Id, textLine.Id, unlimited.Id }.Order(), outcome.Results.Skip(2).Select(r => r.Id).Order());
        Assert.DoesNotContain(outcome.Results, r => r.Id == elsewhere.Id);
        // Only for "help now": a routine search ranks them on the rest.
        Assert.NotEqual(local.Id, MatchBoth(Near() with { Prefer = Set("delivery:phone", "delivery:text") }, national, textLine, local).Results[0].Id);
    }

    [Fact]
    public void Closer_ranks_higher()
    {
        var far = ServiceGraph.Named("Far").KmNorth(10).With("delivery:in-person");
        var near = ServiceGraph.Named("Near").KmNorth(2).With("delivery:in-person");

        var outcome = Match(Near(), far, near);

        Assert.Equal([near.Id, far.Id], outcome.Results.Select(r => r.Id));
    }

    [Fact]
    public void Urgency_now_puts_services_open_now_first()
    {
        var closedButNear = ServiceGraph.Named("Closed").KmNorth(1).With("delivery:in-person").Opens("WE", "18:00", "20:00");
        var openButFurther = ServiceGraph.Named("Open").KmNorth(12).With("delivery:in-person").Opens("WE", "10:00", "14:00");

        var routine = Match(Near(), closedButNear, openButFurther);
        var now = Match(Near() with { Urgency = Urgency.Now }, closedButNear, openButFurther);

        Assert.Equal(closedButNear.Id, routine.Results[0].Id);
        Assert.Equal(openButFurther.Id, now.Results[0].Id);
        Assert.True(now.Results[0].OpenNow);
    }

    [Fact]
    public void Urgency_now_puts_crisis_support_before_other_closed_services()
    {
        var ordinary = ServiceGraph.Named("Ordinary").KmNorth(1).With("delivery:in-person");
        var crisis = ServiceGraph.Named("Crisis").KmNorth(8).With("delivery:in-person", "support:crisis");

        var now = Match(Near() with { Urgency = Urgency.Now }, ordinary, crisis);

        Assert.Equal(crisis.Id, now.Results[0].Id);
    }

    [Fact]
    public void A_long_wait_is_a_penalty_and_a_strong_one_when_help_is_needed_now()
    {
        var longWaitNear = ServiceGraph.Named("Long wait").KmNorth(1).With("delivery:in-person").Waits(60);
        var shortWaitFar = ServiceGraph.Named("Short wait").KmNorth(1.5).With("delivery:in-person").Waits(0);
        var noWaitMuchFurther = ServiceGraph.Named("No wait, far").KmNorth(13).With("delivery:in-person").Waits(0);

        var routine = Match(Near(), longWaitNear, shortWaitFar);
        var now = Match(Near() with { Urgency = Urgency.Now }, longWaitNear, noWaitMuchFurther);
        var routineFar = Match(Near(), longWaitNear, noWaitMuchFurther);

        Assert.Equal(shortWaitFar.Id, routine.Results[0].Id);
        Assert.Equal(longWaitNear.Id, routineFar.Results[0].Id);
        Assert.Equal(noWaitMuchFurther.Id, now.Results[0].Id);
    }

    [Fact]
    public void A_recently_checked_listing_ranks_higher()
    {
        var stale = ServiceGraph.Named("Stale").KmNorth(2).With("delivery:in-person").Assured(new DateOnly(2024, 1, 1));
        var fresh = ServiceGraph.Named("Fresh").KmNorth(2).With("delivery:in-person").Assured(new DateOnly(2026, 11, 1));

        var outcome = Match(Near(), stale, fresh);

        Assert.Equal(fresh.Id, outcome.Results[0].Id);
    }

    [Fact]
    public void Ties_are_broken_by_id()
    {
        var services = Enumerable.Range(0, 6).Select(_ => ServiceGraph.Named("Same").With("delivery:phone")).ToArray();

        var outcome = Match(Near(), services);

        Assert.Equal(services.Select(s => s.Id).Order(), outcome.Results.Select(r => r.Id));
        Assert.All(outcome.Results, r => Assert.Equal(outcome.Results[0].Score, r.Score));
    }

    [Fact]
    public void Scores_lie_between_0_and_1_with_two_decimals()
    {
        var outcome = Match(Near() with { Prefer = Set("delivered-by:peer") }, Plain().With("delivered-by:peer"), Plain().Waits(200).Costs(3));

        Assert.All(outcome.Results, r =>
        {
            Assert.InRange(r.Score, 0, 1);
            Assert.Equal(Math.Round(r.Score, 2), r.Score);
        });
    }

    [Fact]
    public void Total_matches_counts_every_result_before_the_limit()
    {
        var services = Enumerable.Range(0, 7).Select(i => ServiceGraph.Named($"S{i}").With("delivery:phone")).ToArray();

        var outcome = Match(Near() with { Limit = 3 }, services);

        Assert.Equal(3, outcome.Results.Count);
        Assert.Equal(7, outcome.TotalMatches);
    }

    [Fact]
    public void Distance_is_null_for_a_result_matched_only_by_remote_delivery()
    {
        var phoneWithFarOffice = ServiceGraph.Named("Phone").KmNorth(40).With("delivery:phone", "delivery:in-person");
        var local = ServiceGraph.Named("Local").KmNorth(3).With("delivery:in-person");

        var outcome = Match(Near(), phoneWithFarOffice, local);

        Assert.Null(outcome.Results.Single(r => r.Id == phoneWithFarOffice.Id).DistanceKm);
        Assert.Equal(3, outcome.Results.Single(r => r.Id == local.Id).DistanceKm!.Value, 0);
    }

    [Fact]
    public void Results_carry_the_crisis_card()
    {
        var outcome = Match(Near(), Plain());

        Assert.Contains(outcome.Crisis, c => c.Name == "Samaritans");
    }
}
