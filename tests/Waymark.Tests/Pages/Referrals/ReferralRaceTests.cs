using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Referrals;

/// <summary>
/// Two members of staff act on the same referral at the same moment (or one presses twice): the move happens once,
/// so the person is told once and the history shows it once, and whoever came second is told what happened.
/// </summary>
public sealed class ReferralRaceTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const int Referrals = 8;

    [Fact]
    public async Task Two_staff_opening_and_accepting_a_referral_at_once_move_it_once_and_tell_the_person_once()
    {
        var (org, service) = await app.AddReferrableServiceAsync("Doncaster Peer Circle", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        using var first = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        using var second = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var ids = new List<Guid>();
        for (var i = 0; i < Referrals; i++)
        {
            ids.Add(await navigator.Browser.NavigatorRefersAsync(service.Id,
                ReferralFlowBuilders.NavigatorReferralFields($"Person {i}", $"race-{i}-{Guid.NewGuid():N}@example.org")));
        }

        foreach (var id in ids)
        {
            // Both open the new referral at once: it becomes Opened once.
            var pages = await Task.WhenAll(first.Browser.GetAsync($"/provider/referrals/{id}"), second.Browser.GetAsync($"/provider/referrals/{id}"));
            Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));

            // Both accept it from the page they had open: one succeeds, the other is told it has already moved.
            var answers = await Task.WhenAll(pages.Zip([first, second], (page, staff) => staff.Browser.PostAsync($"/provider/referrals/{id}", page.AntiforgeryToken(),
                [new("To", "Accepted"), new("Reason", ""), new("Seen", page.Document.QuerySelector("input[name=Seen]")!.GetAttribute("value")!)])));
            Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.Redirect));
            var loser = Assert.Single(answers, a => a.Status != HttpStatusCode.Redirect);
            Assert.Equal(HttpStatusCode.BadRequest, loser.Status);
            Assert.Contains("already accepted", Assert.Single(loser.ErrorSummary()), StringComparison.Ordinal);
        }

        await using var db = app.OpenDb();
        foreach (var id in ids)
        {
            var moves = await db.Referrals.Where(r => r.Id == id).SelectMany(r => r.Events).Select(e => e.To).ToListAsync();
            Assert.Equal([ReferralStatus.Sent, ReferralStatus.Opened, ReferralStatus.Accepted], moves.Order().ToList());
            // Sent, Opened and Accepted, each to the person and to the navigator: six messages, none twice.
            Assert.Equal(6, (await app.MessagesAboutAsync(id)).Count);
        }
    }
}
