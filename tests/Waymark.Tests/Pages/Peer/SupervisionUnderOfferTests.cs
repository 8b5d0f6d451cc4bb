using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Network;
using Waymark.Core.PeerSupport;
using Waymark.Core.Schedules;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Peer;

/// <summary>
/// Issue 17 item 2: an accepted supervision offer taken up as supervision in the peer-supporter records. The asking
/// organisation's supervisor books it (or records one given) under the offer; it counts like any other supervision;
/// the offering organisation learns the day and the organisation, never the peer supporter; a third organisation's
/// supervisor using the request is "not found" and changes nothing.
/// </summary>
public sealed class SupervisionUnderOfferTests(PeerSupportApp app) : IClassFixture<PeerSupportApp>
{
    private async Task<(Guid RequestId, Guid OfferId, string Offerer, StaffSession OffererStaff)> AcceptedSupervisionOfferAsync(Team team, string name)
    {
        var (offerer, _, _) = await app.AddOrganisationAsync(name);
        var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, offerer.Id);
        var today = UkTime.DateOf(app.Clock.Now);
        using var scope = app.Services.CreateScope();
        var offers = scope.ServiceProvider.GetRequiredService<SharedOffers>();
        var offer = await offers.PostAsync(offerer.Id,
            new OfferDraft(OfferKind.Supervision, "Monthly clinical supervision for peer workers", "One hour a month with our clinical lead.",
                today, today.AddDays(60), today.AddDays(30), null, null, "Dee at supervision@example.org"),
            new Actor(staff.Account.UserId, staff.Account.Email));
        Assert.NotNull(offer);
        var request = await offers.RequestAsync(offer.Id, team.OrgId, "Two of our peer supporters need supervision",
            new Actor(team.Supervisor.Account.UserId, team.Supervisor.Account.Email));
        Assert.NotNull(request);
        Assert.True(await offers.DecideAsync(request.Id, accept: true, null, new Actor(staff.Account.UserId, staff.Account.Email)));
        return (request.Id, offer.Id, offerer.Name, staff);
    }

    [Fact]
    public async Task A_supervisor_books_supervision_under_an_accepted_offer_it_counts_and_the_offerer_learns_only_the_day()
    {
        using var team = await app.TeamAsync($"Taking Up Supervision {Guid.NewGuid():N}"[..30]);
        var (requestId, offerId, offerer, offererStaff) = await AcceptedSupervisionOfferAsync(team, $"Offering Supervision {Guid.NewGuid():N}"[..30]);
        using var _ = offererStaff;
        var today = UkTime.DateOf(app.Clock.Now);

        var page = await team.Supervisor.Browser.GetAsync(team.PersonPage);
        Assert.NotNull(page.Document.QuerySelector($"#BookWith option[value='{requestId}']"));
        Assert.NotNull(page.Document.QuerySelector($"#Session_Under option[value='{requestId}']"));

        // A day outside the offer's dates is refused, nothing booked.
        var outside = await team.SupervisorPostsAsync("BookSupervision", [new("NextSupervision", app.Today(61)), new("BookWith", requestId.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, outside.Status);
        Assert.NotEmpty(outside.ErrorSummary());

        var booked = await team.SupervisorPostsAsync("BookSupervision", [new("NextSupervision", app.Today()), new("BookWith", requestId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, booked.Status);
        Guid bookingId;
        await using (var db = app.OpenDb())
        {
            var booking = await db.SupervisionBookings.SingleAsync(b => b.UserId == team.PeerId && b.ClosedAt == null);
            Assert.Equal((requestId, today), (booking.OfferRequestId, booking.BookedFor));
            bookingId = booking.Id;
            // The offering organisation is told the day and who asked (the organisation), nothing about the peer supporter.
            var told = await db.OutboxMessages.SingleAsync(m => m.Subject == NetworkNotifier.SupervisionBookedSubject && m.SubjectId == requestId);
            Assert.Equal(offererStaff.Account.Email, told.Recipient);
            Assert.Contains(await db.Organizations.Where(o => o.Id == team.OrgId).Select(o => o.Name).SingleAsync(), told.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(team.Peer.Account.Email, told.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(team.PeerId.ToString(), told.Body, StringComparison.OrdinalIgnoreCase);
            var toPeer = await db.OutboxMessages.SingleAsync(m => m.Subject == PeerSupportRecords.SupervisionBookedSubject && m.SubjectId == team.PeerId);
            Assert.Contains(offerer, toPeer.Body, StringComparison.Ordinal);
        }
        Assert.Contains(offerer, (await team.Supervisor.Browser.GetAsync(team.PersonPage)).Text("#supervision-booking"), StringComparison.Ordinal);

        // Held on its day: a session in the peer supporter's record, under the offer, and it counts as their last supervision.
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync($"SupervisionHeld&bookingId={bookingId}", [])).Status);
        await using (var db = app.OpenDb())
        {
            var session = await db.SupervisionSessions.SingleAsync(s => s.UserId == team.PeerId);
            Assert.Equal((requestId, true, today), (session.OfferRequestId, session.Attended, session.HeldOn));
        }
        using (var scope = app.Services.CreateScope())
        {
            var standing = await scope.ServiceProvider.GetRequiredService<AssignmentGate>().StandingAsync(team.PeerId, team.OrgId);
            Assert.Equal(today, standing.LastSupervision);
            Assert.False(standing.SupervisionOverdue);
        }
        Assert.Contains($"given by {offerer}", (await team.Supervisor.Browser.GetAsync(team.PersonPage)).Text(".supervision-session"), StringComparison.Ordinal);
        // The offerer's offer page says nothing about who was supervised.
        var offerPage = await offererStaff.Browser.GetAsync($"/provider/offers/{offerId}");
        Assert.Equal(HttpStatusCode.OK, offerPage.Status);
        Assert.DoesNotContain(team.Peer.Account.Email, offerPage.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_organisations_supervisor_cannot_use_the_request_and_nothing_changes()
    {
        using var team = await app.TeamAsync($"Asking Org {Guid.NewGuid():N}"[..24]);
        using var third = await app.TeamAsync($"Third Org {Guid.NewGuid():N}"[..24]);
        var (requestId, _, _, offererStaff) = await AcceptedSupervisionOfferAsync(team, $"Offer Org {Guid.NewGuid():N}"[..24]);
        using var _ = offererStaff;

        Assert.Null((await third.Supervisor.Browser.GetAsync(third.PersonPage)).Document.QuerySelector($"option[value='{requestId}']"));
        var book = await third.SupervisorPostsAsync("BookSupervision", [new("NextSupervision", app.Today()), new("BookWith", requestId.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, book.Status);
        var record = await third.SupervisorPostsAsync("Supervision",
            [new("Session.Date", app.Today()), new("Session.Attended", "yes"), new("Session.Under", requestId.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, record.Status);
        // Nor can the asking organisation's supervisor book it for the third organisation's peer supporter.
        var token = (await team.Supervisor.Browser.GetAsync(team.PersonPage)).AntiforgeryToken();
        var cross = await team.Supervisor.Browser.PostAsync($"{third.PersonPage}?handler=BookSupervision", token,
            [new("NextSupervision", app.Today()), new("BookWith", requestId.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, cross.Status);

        await using var db = app.OpenDb();
        Assert.False(await db.SupervisionBookings.AnyAsync(b => b.UserId == third.PeerId));
        Assert.False(await db.SupervisionSessions.AnyAsync(s => s.UserId == third.PeerId));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Subject == NetworkNotifier.SupervisionBookedSubject && m.SubjectId == requestId));

        // Recorded as given by the offering organisation, by the asking organisation's supervisor: in the record, counted.
        var given = await team.SupervisorPostsAsync("Supervision",
            [new("Session.Date", app.Today()), new("Session.Attended", "yes"), new("Session.Under", requestId.ToString()), new("Session.Note", "Went well")]);
        Assert.Equal(HttpStatusCode.Redirect, given.Status);
        await using var after = app.OpenDb();
        Assert.Equal(requestId, (await after.SupervisionSessions.SingleAsync(s => s.UserId == team.PeerId)).OfferRequestId);
    }
}
