using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Notifications;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Referrals;

/// <summary>A navigator refers someone with their recorded consent, follows it, and sees only their own referrals.</summary>
public sealed class NavigatorReferralTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task A_navigators_data_download_lists_their_referrals_but_not_what_they_say_about_the_person()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Wakefield Listening", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        const string Story = "Alex has been cutting again since the redundancy";
        var id = await navigator.Browser.NavigatorRefersAsync(service.Id,
            ReferralFlowBuilders.NavigatorReferralFields("Alex Marsh", $"alex-{Guid.NewGuid():N}@example.org", Story));

        var page = await navigator.Browser.GetAsync("/my/data");
        var download = await navigator.Browser.Client.PostAsync(new Uri("/my/data", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", page.AntiforgeryToken())]));
        var text = await download.Content.ReadAsStringAsync();
        using var json = System.Text.Json.JsonDocument.Parse(text);
        var made = json.RootElement.GetProperty("referrals").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal("the referrer", made.GetProperty("you_are").GetString());
        Assert.Equal(service.Name, made.GetProperty("service").GetString());
        Assert.DoesNotContain(Story, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Marsh", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_navigator_refers_someone_without_an_account_and_sees_it_opened()
    {
        var (org, service) = await app.AddReferrableServiceAsync("Kirklees Talking Space", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var email = $"jo-{Guid.NewGuid():N}@example.org";

        var form = await navigator.Browser.GetAsync($"/navigator/refer/{service.Id}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Kirklees Talking Space", form.Text("#who-will-see"), StringComparison.Ordinal);

        var id = await navigator.Browser.NavigatorRefersAsync(service.Id,
            ReferralFlowBuilders.NavigatorReferralFields("Jo Bloggs", email, "Jo self-harms when things pile up at work and would like one-to-one support."));

        var detail = await navigator.Browser.GetAsync($"/navigator/referrals/{id}");
        Assert.Equal("Sent", detail.Text("#referral-status"));
        Assert.Contains("in person", detail.Text("#consent"), StringComparison.Ordinal);
        Assert.Contains("Their name, contact details and story", detail.Text("#consent"), StringComparison.Ordinal);
        Assert.Contains("Kirklees Talking Space", detail.Text("#consent"), StringComparison.Ordinal);

        await using (var db = app.OpenDb())
        {
            // Name, email and story are stored only encrypted.
            var person = await db.ReferredPeople.SingleAsync(p => p.ReferralId == id);
            Assert.DoesNotContain("Jo Bloggs", person.ProtectedName, StringComparison.Ordinal);
            Assert.DoesNotContain(email, person.ProtectedEmail!, StringComparison.Ordinal);
            Assert.Null(person.ProtectedPhone); // least collected: they chose email
            var consent = await db.ReferralConsents.SingleAsync(c => c.ReferralId == id);
            Assert.Equal(ConsentMethod.InPerson, consent.Method);
            Assert.True(consent.SharesStory);
            Assert.Equal(navigator.Account.UserId, consent.RecordedByUserId);
        }

        // The receiving organisation sees who it is for; opening it shows the navigator "Opened".
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var opened = await staff.Browser.GetAsync($"/provider/referrals/{id}");
        Assert.Contains("Jo Bloggs", opened.Text("#referred-person"), StringComparison.Ordinal);
        Assert.Contains(email, opened.Text("#referred-person"), StringComparison.Ordinal);
        detail = await navigator.Browser.GetAsync($"/navigator/referrals/{id}");
        Assert.Equal("Opened", detail.Text("#referral-status"));
        Assert.Equal(["Sent", "Opened"], detail.Document.QuerySelectorAll(".referral-event").Select(e => e.GetAttribute("data-to")).ToList());
        var list = await navigator.Browser.GetAsync("/navigator/referrals");
        Assert.Contains("Jo Bloggs", list.Text($"tr[data-referral-id='{id}']"), StringComparison.Ordinal);

        // The person and the navigator are each told of both moves, with nothing sensitive in a subject.
        var messages = await app.MessagesAboutAsync(id);
        Assert.Equal(2, messages.Count(m => m.Recipient == email));
        Assert.Equal(2, messages.Count(m => m.Recipient == navigator.Account.Email));
        Assert.All(messages, m =>
        {
            Assert.DoesNotContain("Talking Space", m.Subject + m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("self-harm", m.Subject + m.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("pile up", m.Body, StringComparison.Ordinal);
        });
        Assert.Contains($"/navigator/referrals/{id}", messages.First(m => m.Recipient == navigator.Account.Email).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_recorded_consent_nothing_is_sent()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Leeds Listening", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);

        var cases = new (string Key, string Value)[][]
        {
            [("SharesContactDetails", "false")],
            [("ConsentMethod", "")],
            [("ConsentGivenOn", "31/12/2099")],
            [("ConsentGivenOn", "yesterday")],
            [("PersonEmail", "")],
            [("Contact", "Sms"), ("PersonPhone", "")],
            [("PersonName", " ")],
            [("SharesStory", "false"), ("Story", "Something they did not agree to share")],
        };
        foreach (var overrides in cases)
        {
            var page = await navigator.Browser.SubmitAsync($"/navigator/refer/{service.Id}",
                ReferralFlowBuilders.NavigatorReferralFields("Sam", "sam@example.org", "", overrides));
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.NotEmpty(page.ErrorSummary());
        }
        await using var db = app.OpenDb();
        Assert.False(await db.Referrals.AnyAsync(r => r.ServiceId == service.Id));
    }

    [Fact]
    public async Task Navigators_see_only_the_referrals_they_made()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Calder Walk and Talk", access: "access:professional-referral");
        using var mine = await app.SignInAsStaffAsync(Roles.Navigator);
        using var other = await app.SignInAsStaffAsync(Roles.Navigator);
        var id = await mine.Browser.NavigatorRefersAsync(service.Id, ReferralFlowBuilders.NavigatorReferralFields("Alex Private", "alex@example.org"));

        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.GetAsync($"/navigator/referrals/{id}")).Status);
        Assert.DoesNotContain("Alex Private", (await other.Browser.GetAsync("/navigator/referrals")).Html, StringComparison.Ordinal);
        // Onward from someone else's referral is not found either.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.GetAsync($"/navigator/refer/{service.Id}?onwardFrom={id}")).Status);

        // Other roles do not get in.
        var (elsewhere, _, _) = await app.AddOrganisationAsync("Elsewhere Support");
        using var provider = await app.SignInAsStaffAsync(Roles.ProviderStaff, elsewhere.Id);
        Assert.NotEqual(HttpStatusCode.OK, (await provider.Browser.GetAsync("/navigator/referrals")).Status);
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        Assert.NotEqual(HttpStatusCode.OK, (await person.GetAsync($"/navigator/referrals/{id}")).Status);
    }

    [Fact]
    public async Task A_person_with_an_account_sees_the_navigators_referral_and_its_history()
    {
        var (org, service) = await app.AddReferrableServiceAsync("Hull Peer Circle", access: "access:professional-referral");
        var (person, account) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var id = await navigator.Browser.NavigatorRefersAsync(service.Id, ReferralFlowBuilders.NavigatorReferralFields("Chris", account.Email));

        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        await staff.Browser.GetAsync($"/provider/referrals/{id}");

        var mine = await person.GetAsync("/my/referrals");
        Assert.Equal("Opened", mine.Text($"#referral-{id} .referral-status"));
        Assert.Equal(["Sent", "Opened"], mine.Document.QuerySelectorAll($"#referral-{id} .referral-event").Select(e => e.GetAttribute("data-to")).ToList());
        // The person's own account is where their messages go.
        Assert.Equal(2, (await app.MessagesAboutAsync(id)).Count(m => m.Recipient == account.Email));
    }

    [Fact]
    public async Task Do_not_contact_means_the_person_is_never_sent_anything()
    {
        var (org, service) = await app.AddReferrableServiceAsync("Wakefield Women's Group", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var id = await navigator.Browser.NavigatorRefersAsync(service.Id,
            ReferralFlowBuilders.NavigatorReferralFields("Pat", "", "", ("Contact", "None")));

        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        await staff.Browser.GetAsync($"/provider/referrals/{id}");
        await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "Accepted"), new("Reason", "")]);
        await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "OnWaitingList"), new("Reason", "")]);
        await app.BackdateAsync(id, 60);
        await app.RunFollowUpsAsync();

        var messages = await app.MessagesAboutAsync(id);
        Assert.Equal(4, messages.Count); // sent, opened, accepted, on the waiting list: all to the navigator
        Assert.All(messages, m => Assert.Equal(navigator.Account.Email, m.Recipient));
        await using var db = app.OpenDb();
        Assert.Null((await db.ReferredPeople.SingleAsync(p => p.ReferralId == id)).ProtectedEmail);
        // The check-in was due, and is recorded as done, but nothing went to the person.
        Assert.True(await db.ReferralReminders.AnyAsync(r => r.ReferralId == id && r.Kind == ReferralReminder.CheckIn));
        Assert.DoesNotContain(messages, m => m.Subject == ReferralNotifier.CheckInSubject);
    }
}
