using Waymark.Core.Network;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Core.Network;

/// <summary>The rules offers, requests and links guard themselves with, one row per rule.</summary>
public sealed class NetworkRulesTests
{
    private static readonly Guid Mine = Guid.NewGuid();
    private static readonly Guid Theirs = Guid.NewGuid();

    // 23:30 UTC on 1 July is already 2 July in the UK (summer time): the closing date is a UK date.
    private static readonly MovableClock Clock = new(new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero));

    private static OfferDraft Draft(DateOnly expires) =>
        new(OfferKind.Room, "Room", "A room", new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 1), expires, "Hull", null, "rooms@example.org");

    [Fact]
    public void An_offer_takes_requests_until_the_end_of_its_closing_day_in_the_uk()
    {
        var clock = new MovableClock(Clock.Now);
        var offer = SharedOffer.Post(Mine, Draft(new DateOnly(2026, 7, 2)), Guid.NewGuid(), clock);
        Assert.Equal("E06000010", offer.AreaCode);
        Assert.NotNull(offer.Request(Theirs, "Please", Guid.NewGuid(), clock));
        clock.Now = new DateTimeOffset(2026, 7, 2, 22, 59, 0, TimeSpan.Zero); // 23:59 on 2 July, UK
        Assert.True(offer.IsOpen(clock.GetUtcNow()));
        clock.Now = new DateTimeOffset(2026, 7, 2, 23, 0, 0, TimeSpan.Zero); // midnight, 3 July, UK
        Assert.False(offer.IsOpen(clock.GetUtcNow()));
        Assert.Equal("This offer has closed.", Assert.Throws<NetworkException>(() => offer.Request(Theirs, "Please", Guid.NewGuid(), clock)).Message);
    }

    [Fact]
    public void An_organisation_cannot_ask_for_its_own_offer_nor_anyone_for_a_withdrawn_one()
    {
        var offer = SharedOffer.Post(Mine, Draft(new DateOnly(2026, 7, 20)), Guid.NewGuid(), Clock);
        Assert.Throws<NetworkException>(() => offer.Request(Mine, "Please", Guid.NewGuid(), Clock));
        Assert.Throws<NetworkException>(() => offer.Request(Theirs, " ", Guid.NewGuid(), Clock));
        offer.Withdraw(Guid.NewGuid(), Clock);
        Assert.Throws<NetworkException>(() => offer.Withdraw(Guid.NewGuid(), Clock));
        Assert.Equal("This offer has been withdrawn.", Assert.Throws<NetworkException>(() => offer.Request(Theirs, "Please", Guid.NewGuid(), Clock)).Message);
    }

    [Theory]
    [InlineData(OfferRequestStatus.Pending, OfferRequestStatus.Accepted, true)]
    [InlineData(OfferRequestStatus.Pending, OfferRequestStatus.Declined, true)]
    [InlineData(OfferRequestStatus.Pending, OfferRequestStatus.Closed, true)]
    [InlineData(OfferRequestStatus.Accepted, OfferRequestStatus.Declined, false)]
    [InlineData(OfferRequestStatus.Declined, OfferRequestStatus.Accepted, false)]
    [InlineData(OfferRequestStatus.Closed, OfferRequestStatus.Accepted, false)]
    [InlineData(OfferRequestStatus.Accepted, OfferRequestStatus.Pending, false)]
    public void A_request_moves_only_as_the_table_says(OfferRequestStatus from, OfferRequestStatus to, bool allowed) =>
        Assert.Equal(allowed, OfferRequest.IsAllowed(from, to));

    [Fact]
    public void Declining_a_request_needs_a_reason()
    {
        var offer = SharedOffer.Post(Mine, Draft(new DateOnly(2026, 7, 20)), Guid.NewGuid(), Clock);
        var request = offer.Request(Theirs, "Please", Guid.NewGuid(), Clock);
        Assert.Throws<NetworkException>(() => request.MoveTo(OfferRequestStatus.Declined, Guid.NewGuid(), " ", Clock));
        Assert.Equal(OfferRequestStatus.Pending, request.Status);
        request.MoveTo(OfferRequestStatus.Declined, Guid.NewGuid(), "Full", Clock);
        Assert.Equal("Full", request.Reason);
        Assert.Equal(Clock.Now, request.DecidedAt);
        Assert.Throws<NetworkException>(() => request.MoveTo(OfferRequestStatus.Accepted, Guid.NewGuid(), null, Clock));
    }

    [Fact]
    public void Only_the_partner_agrees_either_side_ends_and_an_ended_link_stays_ended()
    {
        Assert.Throws<NetworkException>(() => OrganisationLink.Propose(Mine, Mine, Guid.NewGuid(), Clock));
        var link = OrganisationLink.Propose(Mine, Theirs, Guid.NewGuid(), Clock);
        Assert.Throws<NetworkException>(() => link.Agree(Mine, Guid.NewGuid(), Clock));
        link.Agree(Theirs, Guid.NewGuid(), Clock);
        Assert.Equal(LinkStatus.Agreed, link.Status);
        Assert.Throws<NetworkException>(() => link.Agree(Theirs, Guid.NewGuid(), Clock));
        Assert.Throws<NetworkException>(() => link.End(Guid.NewGuid(), Guid.NewGuid(), Clock));
        link.End(Mine, Guid.NewGuid(), Clock);
        Assert.Equal(LinkStatus.Ended, link.Status);
        Assert.Throws<NetworkException>(() => link.End(Theirs, Guid.NewGuid(), Clock));
    }
}
