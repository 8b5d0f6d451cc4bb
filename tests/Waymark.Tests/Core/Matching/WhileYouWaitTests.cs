using Waymark.Core.Matching;

namespace Waymark.Tests.Core.Matching;

public sealed class WhileYouWaitTests : MatcherTestBase
{
    [Fact]
    public void A_long_wait_at_the_top_brings_drop_ins_peer_groups_and_helplines_with_no_wait()
    {
        var therapy = Plain("Therapy").Waits(42);
        var dropIn = ServiceGraph.Named("Drop-in").KmNorth(3).With("delivery:in-person", "format:drop-in", "access:no-referral");
        var helpline = ServiceGraph.Named("Helpline").With("delivery:phone", "format:helpline", "access:no-referral");
        var peerGroup = ServiceGraph.Named("Peer group").KmNorth(4).With("delivery:in-person", "format:group", "support:peer-support", "access:self-referral");
        var dropInWithWait = ServiceGraph.Named("Drop-in with a list").KmNorth(3).With("delivery:in-person", "format:drop-in", "access:no-referral").Waits(10);
        var dropInTooFar = ServiceGraph.Named("Far drop-in").KmNorth(30).With("delivery:in-person", "format:drop-in", "access:no-referral");

        var outcome = Match(Near() with { Format = Set("format:one-to-one") }, therapy, dropIn, helpline, peerGroup, dropInWithWait, dropInTooFar);

        Assert.Equal(therapy.Id, Assert.Single(outcome.Results).Id);
        Assert.Equal(new[] { dropIn.Id, helpline.Id, peerGroup.Id }.Order(), outcome.WhileYouWait.Select(w => w.Id).Order());
        Assert.Contains(outcome.WhileYouWait, w => w.Id == dropIn.Id && w.Reason == "A drop-in: no appointment or waiting list");
        Assert.Contains(outcome.WhileYouWait, w => w.Id == helpline.Id && w.Reason == "A helpline you can call while you wait");
    }

    [Fact]
    public void An_unknown_wait_for_a_referral_only_service_also_brings_suggestions()
    {
        var referralOnly = ServiceGraph.Named("Referral only").KmNorth(1).With("delivery:in-person", "format:one-to-one", "access:gp-referral");
        var helpline = ServiceGraph.Named("Helpline").With("delivery:phone", "format:helpline", "access:no-referral");

        var outcome = Match(Near() with { Format = Set("format:one-to-one") }, referralOnly, helpline);

        Assert.Equal(helpline.Id, Assert.Single(outcome.WhileYouWait).Id);
    }

    [Fact]
    public void No_suggestions_when_the_best_result_has_a_short_wait()
    {
        var quick = Plain("Quick").Waits(7);
        var helpline = ServiceGraph.Named("Helpline").With("delivery:phone", "format:helpline", "access:no-referral");

        var outcome = Match(Near() with { Format = Set("format:one-to-one") }, quick, helpline);

        Assert.Empty(outcome.WhileYouWait);
    }

    [Fact]
    public void Suggestions_still_keep_the_persons_hard_constraints()
    {
        var therapy = Plain("Therapy").Waits(42);
        var paidHelpline = ServiceGraph.Named("Paid helpline").With("delivery:phone", "format:helpline", "access:no-referral").Costs(1);

        var outcome = Match(Near() with { FreeOnly = true }, therapy, paidHelpline);

        Assert.Empty(outcome.WhileYouWait);
    }
}
