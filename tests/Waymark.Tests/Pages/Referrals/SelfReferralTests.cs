using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Referrals;

/// <summary>A person refers themselves, the organisation opens and moves the referral, and the person sees every step.</summary>
public sealed class SelfReferralTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task A_person_refers_themselves_and_sees_it_opened_and_moved_with_reasons()
    {
        var (org, service) = await app.AddReferrableServiceAsync();
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;

        var page = await person.GetAsync($"/services/{service.Id}");
        Assert.Equal($"/services/{service.Id}/refer", page.Document.QuerySelector("#refer-yourself")?.GetAttribute("href"));

        var id = await person.SelfReferAsync(app, service.Id, "I keep hurting myself at night and want to talk to someone.");
        var mine = await person.GetAsync("/my/referrals");
        Assert.Equal("Sent", mine.Text($"#referral-{id} .referral-status"));
        Assert.Contains("I keep hurting myself at night", mine.Html, StringComparison.Ordinal);

        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var inbox = await staff.Browser.GetAsync("/provider/referrals");
        Assert.NotNull(inbox.Document.QuerySelector($"tr[data-referral-id='{id}']"));

        var opened = await staff.Browser.GetAsync($"/provider/referrals/{id}");
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.Equal("Opened", opened.Text("#referral-status"));
        Assert.Contains("I keep hurting myself at night", opened.Text("#referral-story"), StringComparison.Ordinal);
        // Opening again does not add another "Opened".
        await staff.Browser.GetAsync($"/provider/referrals/{id}");
        Assert.Single((await app.ReferralAsync(id)).Events, e => e.To == ReferralStatus.Opened);

        mine = await person.GetAsync("/my/referrals");
        Assert.Equal("Opened", mine.Text($"#referral-{id} .referral-status"));
        await using (var db = app.OpenDb())
        {
            // The news went into the outbox with the change: one message for "sent", one for "opened".
            // Subjects say nothing about the service or the news (an inbox list may be seen by others); bodies do.
            var messages = await db.OutboxMessages.Where(m => m.SubjectId == id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync();
            Assert.Equal(2, messages.Count);
            Assert.All(messages, m => Assert.Equal(Waymark.Core.Notifications.ReferralNotifier.NewsSubject, m.Subject));
            Assert.Contains("it is now sent.", messages[0].Body, StringComparison.Ordinal);
            Assert.Contains("it is now opened.", messages[1].Body, StringComparison.Ordinal);
        }

        var accepted = await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "Accepted"), new("Reason", "")]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "OnWaitingList"), new("Reason", "")]);

        var form = await staff.Browser.GetAsync($"/provider/referrals/{id}");
        Assert.Equal(
            ["PersonAsked", "CouldNotContact", "SupportElsewhere", "NoLongerEligible", "ServiceClosing", "Other"],
            form.Document.QuerySelectorAll("input[name=ReasonForRemovedFromWaitingList]").Select(i => i.GetAttribute("value")).ToList());
        var noReason = await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "RemovedFromWaitingList"), new("Reason", "Tried three times")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Contains(noReason.ErrorSummary(), e => e.Contains("Choose why", StringComparison.Ordinal));
        Assert.Equal("#ReasonForRemovedFromWaitingList", noReason.Document.QuerySelector(".error-summary a")?.GetAttribute("href"));
        // Nothing typed or chosen is lost.
        Assert.Equal("Tried three times", noReason.Document.QuerySelector("textarea[name=Reason]")?.TextContent.Trim());
        Assert.NotNull(noReason.Document.QuerySelector("input[name=To][value=RemovedFromWaitingList][checked]"));
        // A reason from another list (declining's "no space") does not fit a removal.
        var misfit = await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "RemovedFromWaitingList"), new("ReasonForRemovedFromWaitingList", "NoCapacity"), new("Reason", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, misfit.Status);
        Assert.Equal(ReferralStatus.OnWaitingList, (await app.ReferralAsync(id)).Status);

        var illegal = await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "Completed"), new("Reason", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, illegal.Status);
        Assert.NotEmpty(illegal.ErrorSummary());

        var removed = await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "RemovedFromWaitingList"), new("ReasonForRemovedFromWaitingList", "CouldNotContact"), new("Reason", "We could not reach you after three tries")]);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Equal(ReferralReason.CouldNotContact, (await app.ReferralAsync(id)).Events.Single(e => e.To == ReferralStatus.RemovedFromWaitingList).ReasonCode);

        mine = await person.GetAsync("/my/referrals");
        Assert.Equal("Removed from the waiting list", mine.Text($"#referral-{id} .referral-status"));
        var history = mine.Document.QuerySelectorAll($"#referral-{id} .referral-event").Select(r => r.GetAttribute("data-to")).ToList();
        Assert.Equal(["Sent", "Opened", "Accepted", "OnWaitingList", "RemovedFromWaitingList"], history);
        Assert.Contains("We could not reach you after three tries", mine.Html, StringComparison.Ordinal);
        Assert.Equal("Why: The service tried to get in touch but could not reach you.", mine.Text($"#referral-{id} [data-reason=CouldNotContact]"));
    }

    [Fact]
    public async Task What_the_person_writes_is_encrypted_in_the_database()
    {
        var (_, service) = await app.AddReferrableServiceAsync();
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        const string story = "My partner does not know and I need this kept private";

        var id = await person.SelfReferAsync(app, service.Id, story);

        await using var db = app.OpenDb();
        var stored = await db.Referrals.Where(r => r.Id == id).Select(r => r.ProtectedStory).SingleAsync();
        Assert.False(string.IsNullOrEmpty(stored));
        Assert.DoesNotContain("partner", stored, StringComparison.OrdinalIgnoreCase);
        // Read the raw column too, past any EF conversion.
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT \"ProtectedStory\" FROM referral";
        var all = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                all.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
            }
        }
        Assert.NotEmpty(all);
        Assert.DoesNotContain(all, s => s.Contains("partner", StringComparison.OrdinalIgnoreCase));
        Assert.True(await db.DataProtectionKeys.AnyAsync(), "the key ring is kept in the database");
    }

    [Fact]
    public async Task Every_view_of_a_referral_is_audited()
    {
        var (org, service) = await app.AddReferrableServiceAsync();
        var (person, account) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        var id = await person.SelfReferAsync(app, service.Id, "Please help");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);

        await person.GetAsync("/my/referrals");
        await staff.Browser.GetAsync($"/provider/referrals/{id}");
        await staff.Browser.GetAsync($"/provider/referrals/{id}");

        await using var db = app.OpenDb();
        var views = await db.AuditEvents.Where(a => a.Action == ReferralAudit.Viewed && a.SubjectId == id.ToString()).ToListAsync();
        Assert.Single(views, v => v.ActorId == account.UserId);
        Assert.Equal(2, views.Count(v => v.ActorId == staff.Account.UserId));
    }

    [Fact]
    public async Task A_service_that_does_not_take_self_referrals_has_no_form()
    {
        var (_, gpOnly) = await app.AddReferrableServiceAsync("GP only", access: "access:gp-referral");
        var (_, dropIn) = await app.AddReferrableServiceAsync("Drop in", access: "access:no-referral");
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;

        Assert.Null((await person.GetAsync($"/services/{gpOnly.Id}")).Document.QuerySelector("#refer-yourself"));
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync($"/services/{gpOnly.Id}/refer")).Status);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync($"/services/{dropIn.Id}/refer")).Status);
    }

    [Fact]
    public async Task Referring_needs_a_sign_in_and_a_contact_choice()
    {
        var (_, service) = await app.AddReferrableServiceAsync();
        using var anonymous = Browser.For(app);
        var page = await anonymous.GetAsync($"/services/{service.Id}/refer");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("/account/sign-in", page.Document.QuerySelector("#sign-in")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#Story"));

        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        var bad = await person.SubmitAsync($"/services/{service.Id}/refer", [new("Story", "x"), new("Contact", "Pigeon")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Choose how the service may contact you about this referral", bad.ErrorSummary());
        await using var db = app.OpenDb();
        Assert.False(await db.Referrals.AnyAsync(r => r.ServiceId == service.Id));
    }

    [Fact]
    public async Task A_helpline_takes_calls_not_referrals_whatever_its_access_terms_say()
    {
        var (_, helpline) = await app.AddReferrableServiceAsync("Riverside night line");
        var (_, group) = await app.AddReferrableServiceAsync();
        await using (var db = app.OpenDb())
        {
            db.ServiceAttributes.Add(new Waymark.Core.Directory.ServiceAttribute { Id = Guid.NewGuid(), ServiceId = helpline.Id, TaxonomyTermId = Waymark.Core.Directory.Vocabulary.TermId("format:helpline") });
            await db.SaveChangesAsync();
        }
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;

        Assert.Null((await person.GetAsync($"/services/{helpline.Id}")).Document.QuerySelector("#refer-yourself"));
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync($"/services/{helpline.Id}/refer")).Status);
        // Nor by posting the form another service's page gave.
        var url = $"/services/{helpline.Id}/refer";
        var token = (await person.GetAsync($"/services/{group.Id}/refer")).AntiforgeryToken();
        var posted = await person.PostAsync(url, token, ReferralBuilders.SelfReferralFields("Please ring me"));
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        await using var check = app.OpenDb();
        Assert.False(await check.Referrals.AnyAsync(r => r.ServiceId == helpline.Id));
    }

    [Fact]
    public async Task Referral_times_are_shown_in_UK_time_in_summer_too()
    {
        var (org, service) = await app.AddReferrableServiceAsync();
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        var id = await person.SelfReferAsync(app, service.Id, "Sent late on a summer night");
        // 23:30 UTC on 31 July is 00:30 on 1 August in the UK (BST).
        var summerNight = new DateTimeOffset(2026, 7, 31, 23, 30, 0, TimeSpan.Zero);
        await using (var db = app.OpenDb())
        {
            await db.Referrals.Where(r => r.Id == id).ExecuteUpdateAsync(x => x.SetProperty(r => r.CreatedAt, summerNight));
            await db.ReferralEvents.Where(e => e.ReferralId == id).ExecuteUpdateAsync(x => x.SetProperty(e => e.OccurredAt, summerNight));
        }

        var mine = await person.GetAsync("/my/referrals");
        Assert.Equal("1 August 2026 at 12:30am", mine.Text($"#referral-{id} .referral-event .timeline__when"));
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var received = await staff.Browser.GetAsync($"/provider/referrals/{id}");
        Assert.Contains("Received 1 August 2026 at 12:30am", received.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_can_withdraw_and_only_their_own()
    {
        var (_, service) = await app.AddReferrableServiceAsync();
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        var (other, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        using var _o = other;
        var id = await person.SelfReferAsync(app, service.Id, "Mine alone");

        var theirs = await other.GetAsync("/my/referrals");
        Assert.DoesNotContain("Mine alone", theirs.Html, StringComparison.Ordinal);
        Assert.Null(theirs.Document.QuerySelector($"#referral-{id}"));
        var token = (await other.GetAsync($"/services/{service.Id}/refer")).AntiforgeryToken();
        var stolen = await other.PostAsync($"/my/referrals?handler=Withdraw&referralId={id}", token, []);
        Assert.Equal(HttpStatusCode.NotFound, stolen.Status);
        Assert.Equal(ReferralStatus.Sent, (await app.ReferralAsync(id)).Status);

        var list = await person.GetAsync("/my/referrals");
        var action = list.Document.QuerySelector($"#referral-{id} form")?.GetAttribute("action");
        Assert.NotNull(action);
        var withdrawn = await person.PostAsync(action, list.AntiforgeryToken(action), []);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        var referral = await app.ReferralAsync(id);
        Assert.Equal(ReferralStatus.Withdrawn, referral.Status);
        Assert.Equal(ReferralParty.Person, referral.Events.OrderBy(e => e.OccurredAt).Last().ByParty);
    }
}
