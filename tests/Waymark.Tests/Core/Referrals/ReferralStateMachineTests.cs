using Waymark.Core.Referrals;
using S = Waymark.Core.Referrals.ReferralStatus;

namespace Waymark.Tests.Core.Referrals;

public sealed class ReferralStateMachineTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReferralActor Person = new(Guid.NewGuid(), "person@example.org", ReferralParty.Person);
    private static readonly ReferralActor Staff = new(Guid.NewGuid(), "staff@example.org", ReferralParty.Organisation);

    // The allowed moves, written out here independently of ReferralRules so that a change to the rules shows up.
    private static readonly Dictionary<S, S[]> Legal = new()
    {
        [S.Sent] = [S.Opened, S.Declined, S.Withdrawn, S.Closed],
        [S.Opened] = [S.Accepted, S.Declined, S.Withdrawn, S.Closed],
        [S.Accepted] = [S.OnWaitingList, S.Offered, S.Withdrawn, S.Closed],
        [S.OnWaitingList] = [S.Offered, S.RemovedFromWaitingList, S.Withdrawn, S.Closed],
        [S.Offered] = [S.Started, S.Withdrawn, S.Closed],
        [S.Started] = [S.Completed, S.Withdrawn, S.Closed],
    };

    // A legal route from Sent to each status.
    private static readonly Dictionary<S, S[]> RouteTo = new()
    {
        [S.Sent] = [],
        [S.Opened] = [S.Opened],
        [S.Accepted] = [S.Opened, S.Accepted],
        [S.OnWaitingList] = [S.Opened, S.Accepted, S.OnWaitingList],
        [S.Offered] = [S.Opened, S.Accepted, S.OnWaitingList, S.Offered],
        [S.Started] = [S.Opened, S.Accepted, S.Offered, S.Started],
        [S.Completed] = [S.Opened, S.Accepted, S.Offered, S.Started, S.Completed],
        [S.Declined] = [S.Declined],
        [S.Withdrawn] = [S.Opened, S.Withdrawn],
        [S.RemovedFromWaitingList] = [S.Opened, S.Accepted, S.OnWaitingList, S.RemovedFromWaitingList],
        [S.Closed] = [S.Opened, S.Accepted, S.Closed],
    };

    public static TheoryData<S, S, bool> EveryMove()
    {
        var data = new TheoryData<S, S, bool>();
        foreach (var from in Enum.GetValues<S>())
        {
            foreach (var to in Enum.GetValues<S>())
            {
                data.Add(from, to, Legal.TryGetValue(from, out var next) && next.Contains(to));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void Every_move_is_allowed_or_refused_as_the_table_says(S from, S to, bool legal)
    {
        var clock = new SteppingClock(Start);
        var referral = ReferralAt(from, clock);
        var eventsBefore = referral.Events.Count;
        var by = to == S.Withdrawn ? Person : Staff;

        if (legal)
        {
            var e = referral.MoveTo(to, by, CodeFor(to), "A reason", clock);
            Assert.Equal(to, referral.Status);
            Assert.Equal(eventsBefore + 1, referral.Events.Count);
            Assert.Same(e, referral.Events[^1]);
            Assert.Equal(from, e.From);
            Assert.Equal(to, e.To);
            Assert.Equal(by.UserId, e.ByUserId);
            Assert.Equal(by.Party, e.ByParty);
            Assert.Equal("A reason", e.Reason);
            Assert.Equal(clock.Last, e.OccurredAt);
        }
        else
        {
            var ex = Assert.Throws<ReferralTransitionException>(() => referral.MoveTo(to, by, CodeFor(to), "A reason", clock));
            Assert.Contains("cannot become", ex.Message, StringComparison.Ordinal);
            Assert.Equal(from, referral.Status);
            Assert.Equal(eventsBefore, referral.Events.Count);
        }
    }

    [Theory]
    [InlineData(S.Sent, S.Declined)]
    [InlineData(S.Opened, S.Declined)]
    [InlineData(S.OnWaitingList, S.RemovedFromWaitingList)]
    [InlineData(S.Sent, S.Closed)]
    [InlineData(S.Started, S.Closed)]
    public void Declining_removing_and_closing_need_a_reason_from_the_list_and_the_note_is_optional(S from, S to)
    {
        var clock = new SteppingClock(Start);
        var referral = ReferralAt(from, clock);

        var ex = Assert.Throws<ReferralTransitionException>(() => referral.MoveTo(to, Staff, null, "No capacity this term", clock));
        Assert.Contains("Choose why", ex.Message, StringComparison.Ordinal);
        // A reason that belongs to another kind of move is refused too.
        var misfit = Enum.GetValues<ReferralReason>().First(r => !ReferralReasons.Fits(to, r));
        Assert.Throws<ReferralTransitionException>(() => referral.MoveTo(to, Staff, misfit, null, clock));
        Assert.Equal(from, referral.Status);

        referral.MoveTo(to, Staff, ReferralReason.Other, "   ", clock);
        Assert.Equal(ReferralReason.Other, referral.Events[^1].ReasonCode);
        Assert.Null(referral.Events[^1].Reason);
    }

    [Fact]
    public void A_move_that_needs_no_reason_takes_none_from_the_list()
    {
        var clock = new SteppingClock(Start);
        var referral = ReferralAt(S.Opened, clock);

        Assert.Throws<ReferralTransitionException>(() => referral.MoveTo(S.Accepted, Staff, ReferralReason.Other, null, clock));
        referral.MoveTo(S.Accepted, Staff, null, "  Spoke on the phone  ", clock);
        Assert.Equal("Spoke on the phone", referral.Events[^1].Reason);
        Assert.Null(referral.Events[^1].ReasonCode);
    }

    [Fact]
    public void Only_the_person_can_withdraw()
    {
        var clock = new SteppingClock(Start);
        var referral = ReferralAt(S.OnWaitingList, clock);

        var ex = Assert.Throws<ReferralTransitionException>(() => referral.MoveTo(S.Withdrawn, Staff, null, clock));
        Assert.Contains("Only the person", ex.Message, StringComparison.Ordinal);
        referral.MoveTo(S.Withdrawn, Person, null, clock);
        Assert.Equal(S.Withdrawn, referral.Status);
    }

    [Theory]
    [InlineData(S.Sent, S.Opened)]
    [InlineData(S.Opened, S.Accepted)]
    [InlineData(S.Started, S.Completed)]
    public void Only_the_organisation_moves_a_referral_on(S from, S to)
    {
        var clock = new SteppingClock(Start);
        var referral = ReferralAt(from, clock);

        Assert.Throws<ReferralTransitionException>(() => referral.MoveTo(to, Person, null, clock));
        Assert.Throws<ReferralTransitionException>(() => referral.MoveTo(to, Person with { Party = ReferralParty.Referrer }, null, clock));
        Assert.Equal(from, referral.Status);
    }

    [Fact]
    public void A_new_referral_is_sent_with_its_first_event_and_opened_is_remembered()
    {
        var clock = new SteppingClock(Start);
        var referral = ReferralAt(S.Sent, clock);

        Assert.Equal(S.Sent, referral.Status);
        var first = Assert.Single(referral.Events);
        Assert.Null(first.From);
        Assert.Equal(S.Sent, first.To);
        Assert.Equal(Start, referral.CreatedAt);
        Assert.Null(referral.FirstOpenedAt);

        referral.MoveTo(S.Opened, Staff, null, clock);
        Assert.Equal(clock.Last, referral.FirstOpenedAt);
    }

    private static ReferralReason? CodeFor(S to) => ReferralReasons.For(to) is { Count: > 0 } codes ? codes[0] : null;

    private static Referral ReferralAt(S status, SteppingClock clock)
    {
        var referral = Referral.Create(Guid.NewGuid(), Guid.NewGuid(), Person.UserId, Person, ContactPreference.Email, null, clock);
        foreach (var step in RouteTo[status])
        {
            referral.MoveTo(step, step == S.Withdrawn ? Person : Staff, CodeFor(step), "Because", clock);
        }
        Assert.Equal(status, referral.Status);
        return referral;
    }

    /// <summary>A clock that moves on a minute each time it is read, so each event has its own time.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _next = start;

        public DateTimeOffset Last { get; private set; }

        public override DateTimeOffset GetUtcNow()
        {
            Last = _next;
            _next = _next.AddMinutes(1);
            return Last;
        }
    }
}
