using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Network;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Provider.Offers;

/// <summary>
/// Erasing a staff member's account: the offers, requests and "works with" links they made stay (they are the
/// organisation's) but no longer hold their id, the pages still show them, and news of them goes to the
/// organisation's provider-admins instead.
/// </summary>
public sealed class OfferErasureTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static OfferDraft Draft(string title)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new OfferDraft(OfferKind.Room, title, "A quiet room for groups.", today.AddDays(1), today.AddDays(60), today.AddDays(30), null, null, "rooms@example.org");
    }

    [Fact]
    public async Task An_erased_staff_member_leaves_no_id_on_offers_requests_or_links_and_the_pages_still_render()
    {
        var (a, _, _) = await app.AddOrganisationAsync($"Erased Staff Org {Guid.NewGuid():N}"[..28]);
        var (b, _, _) = await app.AddOrganisationAsync($"Partner Org {Guid.NewGuid():N}"[..24]);
        var (c, _, _) = await app.AddOrganisationAsync($"Later Asker {Guid.NewGuid():N}"[..24]);
        using var leaving = await app.SignInAsStaffAsync(Roles.ProviderAdmin, a.Id);
        using var stayingA = await app.SignInAsStaffAsync(Roles.ProviderAdmin, a.Id);
        using var adminB = await app.SignInAsStaffAsync(Roles.ProviderAdmin, b.Id);
        using var staffC = await app.SignInAsStaffAsync(Roles.ProviderStaff, c.Id);
        var x = new Actor(leaving.Account.UserId, leaving.Account.Email);
        var y = new Actor(adminB.Account.UserId, adminB.Account.Email);
        Guid ours, theirs, link;
        using (var scope = app.Services.CreateScope())
        {
            var offers = scope.ServiceProvider.GetRequiredService<SharedOffers>();
            ours = (await offers.PostAsync(a.Id, Draft("Our room"), x))!.Id;
            theirs = (await offers.PostAsync(b.Id, Draft("Their room"), y))!.Id;
            var asked = await offers.RequestAsync(theirs, a.Id, "Could we use it?", x);
            Assert.NotNull(asked);
            Assert.True(await offers.DecideAsync(asked.Id, accept: true, null, y));
            var askedUs = await offers.RequestAsync(ours, b.Id, "And we yours?", y);
            Assert.NotNull(askedUs);
            Assert.True(await offers.DecideAsync(askedUs.Id, accept: false, "Booked up", x));
            link = (await scope.ServiceProvider.GetRequiredService<WorksWithLinks>().ProposeAsync(a.Id, b.Id, x))!.Id;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await leaving.Browser.SubmitAsync("/my/delete", [new("Confirm", "true")])).Status);

        var id = (Guid?)leaving.Account.UserId;
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.SharedOffers.AnyAsync(o => o.PostedByUserId == id || o.WithdrawnByUserId == id));
            Assert.False(await db.OfferRequests.AnyAsync(r => r.RequestedByUserId == id || r.DecidedByUserId == id));
            Assert.False(await db.OrganisationLinks.AnyAsync(l => l.ProposedByUserId == id || l.AgreedByUserId == id || l.EndedByUserId == id));
            // The organisation's offer, request and link stay.
            Assert.Equal(2, await db.SharedOffers.CountAsync(o => o.Id == ours || o.Id == theirs));
            Assert.Equal(2, await db.OfferRequests.CountAsync(r => r.OfferId == ours || r.OfferId == theirs));
            Assert.Equal(LinkStatus.Proposed, await db.OrganisationLinks.Where(l => l.Id == link).Select(l => l.Status).SingleAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await stayingA.Browser.GetAsync($"/provider/offers/{ours}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await stayingA.Browser.GetAsync($"/provider/offers/{theirs}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await stayingA.Browser.GetAsync("/provider/offers")).Status);
        Assert.NotNull((await stayingA.Browser.GetAsync($"/provider/network/{a.Id}")).Document.QuerySelector($"[data-link-id='{link}']"));
        Assert.NotNull((await adminB.Browser.GetAsync($"/provider/network/{b.Id}")).Document.QuerySelector($"[data-link-id='{link}']"));

        // A new request for the offer the erased member posted reaches the organisation's remaining provider-admin.
        var asked2 = await staffC.Browser.SubmitAsync($"/provider/offers/{ours}", [new("Message", "Is it free on Mondays?")], formAction: $"/provider/offers/{ours}?handler=Request");
        Assert.Equal(HttpStatusCode.Redirect, asked2.Status);
        await using var check = app.OpenDb();
        Assert.True(await check.OutboxMessages.AnyAsync(m => m.Subject == NetworkNotifier.RequestSubject && m.Recipient == stayingA.Account.Email));
    }
}
