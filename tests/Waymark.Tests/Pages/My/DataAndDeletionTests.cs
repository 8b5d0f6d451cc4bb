using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Listings;
using Waymark.Core.People;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.My;

/// <summary>"Download my data" gives everything, decrypted; "delete my account" leaves nothing personal in any table and the waiting times as they were.</summary>
public sealed class DataAndDeletionTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const string Notes = "Notes about my counsellor Priyanka";
    private const string Happening = "Since the flood at my flat things got worse";
    private const string ReferralWords = "Please call after my shift at the bakery";

    [Fact]
    public async Task The_download_holds_everything_about_the_person_decrypted_and_is_audited()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Calder Peer Support");
        using var person = await FillAccountAsync(service.Id);

        var page = await person.Browser.GetAsync("/my/data");
        var download = await person.Browser.Client.PostAsync(new Uri("/my/data", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", page.AntiforgeryToken())]));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(person.Email, root.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("+447700900982", root.GetProperty("account").GetProperty("phone").GetString());
        Assert.Equal("Sms", root.GetProperty("contact_preference").GetString());
        Assert.Equal(Notes, root.GetProperty("plan").GetProperty("notes").GetString());
        Assert.Equal("Tuesday evening peer group", root.GetProperty("plan").GetProperty("services")[0].GetProperty("service").GetString());
        Assert.Equal(Happening, root.GetProperty("story").GetProperty("whats_happening").GetString());
        var referral = root.GetProperty("referrals")[0];
        Assert.StartsWith(ReferralWords, referral.GetProperty("what_was_sent").GetString(), StringComparison.Ordinal);
        Assert.Equal("Sent", referral.GetProperty("events")[0].GetProperty("to").GetString());
        var consent = root.GetProperty("story_consents")[0];
        Assert.Equal("Calder Peer Support (Tuesday evening peer group)", consent.GetProperty("shared_with").GetString());
        Assert.Contains(Happening, consent.GetProperty("what_was_shared").GetString(), StringComparison.Ordinal);

        await using var db = app.OpenDb();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ActorId == person.UserId && a.Action == PersonAudit.DataDownloaded));
    }

    [Fact]
    public async Task Deleting_needs_the_tick_then_leaves_nothing_personal_in_any_table_and_the_waits_unchanged()
    {
        var (org, service) = await app.AddReferrableServiceAsync("Calder Peer Support");
        using var person = await FillAccountAsync(service.Id);
        using var other = await app.SignUpAsync();
        await other.Browser.SubmitAsync("/my/plan", [new("Notes", "The other person's notes stay")], "/my/plan?handler=Notes");
        await AddOfferedReferralsAsync(person, service.Id, org.Id);
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        var waitsBefore = await WaitAsync(service.Id, clock);
        Assert.NotNull(waitsBefore);
        int referralsBefore;
        await using (var db = app.OpenDb())
        {
            referralsBefore = await db.Referrals.CountAsync(r => r.ServiceId == service.Id);
        }

        string[] personal = [person.Email, "7700900982", person.UserId.ToString(), "Priyanka", "flood at my flat", "bakery"];
        await using (var db = app.OpenDb())
        {
            // The scan can see them before: the email, phone and id are stored in plain text, and an organisation's reason names them.
            var before = await DatabaseScan.FindAsync(db, personal);
            Assert.Contains(before, h => h.StartsWith("account_user.Email", StringComparison.Ordinal));
            Assert.Contains(before, h => h.StartsWith("account_user.PhoneNumber", StringComparison.Ordinal));
            Assert.Contains(before, h => h.StartsWith("referral.PersonUserId", StringComparison.Ordinal));
        }

        var unticked = await person.Browser.SubmitAsync("/my/delete", []);
        Assert.Equal(HttpStatusCode.BadRequest, unticked.Status);
        Assert.Equal(["#Confirm"], unticked.ErrorSummaryLinks());
        await using (var db = app.OpenDb())
        {
            Assert.True(await db.Users.AnyAsync(u => u.Id == person.UserId));
        }

        var deleted = await person.Browser.SubmitAsync("/my/delete", [new("Confirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal("/account/deleted", deleted.RedirectPath);
        Assert.Equal(HttpStatusCode.Redirect, (await person.Browser.GetAsync("/my/plan")).Status);

        await using (var db = app.OpenDb())
        {
            Assert.Empty(await DatabaseScan.FindAsync(db, personal));
            // Anonymous timings stay: the same referrals, statuses and times, with nobody attached.
            var left = await db.Referrals.Where(r => r.ServiceId == service.Id).ToListAsync();
            Assert.Equal(referralsBefore, left.Count);
            Assert.All(left, r => Assert.Null(r.PersonUserId));
            Assert.All(left, r => Assert.Null(r.ProtectedStory));
            Assert.Contains(left, r => r.Status == ReferralStatus.Completed);
            Assert.True(await db.StoryConsents.AnyAsync(c => c.UserId == null && c.ProtectedShared == null && c.OrganisationId == org.Id));
            // Someone else's data is untouched.
            Assert.NotNull(await db.PersonProfiles.Where(p => p.UserId == other.UserId).Select(p => p.ProtectedNotes).SingleAsync());
            Assert.True(await db.Users.AnyAsync(u => u.Id == other.UserId));
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == PersonAudit.AccountDeleted));
        }
        Assert.Equal(waitsBefore, await WaitAsync(service.Id, clock));
        // The same address can sign up afresh: nothing of the old account is left to collide with.
        using var again = await app.SignUpAsync(person.Email);
        Assert.NotEqual(person.UserId, again.UserId);
    }

    [Fact]
    public async Task What_a_navigator_recorded_about_the_person_is_in_their_download_and_goes_with_their_account()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Wakefield Listening", access: "access:professional-referral");
        using var person = await app.SignUpAsync();
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var id = await navigator.Browser.NavigatorRefersAsync(service.Id,
            ReferralFlowBuilders.NavigatorReferralFields("Jo Marchbank", person.Email, "Jo would like one-to-one support."));

        using (var json = await DownloadAsync(person))
        {
            var referral = json.RootElement.GetProperty("referrals").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
            Assert.Equal("the person referred", referral.GetProperty("you_are").GetString());
            var recorded = referral.GetProperty("how_they_can_reach_you");
            Assert.Equal("Jo Marchbank", recorded.GetProperty("name").GetString());
            Assert.Equal(person.Email, recorded.GetProperty("email").GetString());
            var consent = Assert.Single(referral.GetProperty("consents").EnumerateArray());
            Assert.Equal("in person", consent.GetProperty("given").GetString());
            Assert.True(consent.GetProperty("shares_contact_details").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.Redirect, (await person.Browser.SubmitAsync("/my/delete", [new("Confirm", "true")])).Status);

        await using var db = app.OpenDb();
        Assert.False(await db.ReferredPeople.AnyAsync(p => p.ReferralId == id));
        // The referral and the fact of consent stay, with nobody attached, for waiting times and the service's own record.
        Assert.Null(await db.Referrals.Where(r => r.Id == id).Select(r => r.PersonUserId).SingleAsync());
        Assert.True(await db.ReferralConsents.AnyAsync(c => c.ReferralId == id));
        var seen = await navigator.Browser.GetAsync("/navigator/referrals");
        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.DoesNotContain("Jo Marchbank", seen.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_deletion_the_email_is_gone_from_every_row_and_from_the_database_file_itself()
    {
        var local = $"wren.ashdown-{Guid.NewGuid():N}";
        var (_, service) = await app.AddReferrableServiceAsync("Selby Peer Support");
        using var person = await app.SignUpAsync($"{local}@example.org");
        var b = person.Browser;
        Assert.Equal(HttpStatusCode.Redirect, (await b.SubmitAsync("/my/plan", [new("Notes", Notes)], "/my/plan?handler=Notes")).Status);
        await b.SubmitAsync("/my/story", [new("Input.Happening", Happening), new("Input.WouldLike", "A group")]);
        await b.SelfReferAsync(app, service.Id, ReferralWords);
        // Signing out and in again adds to the audit trail under their address.
        await b.SubmitAsync("/account/sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, (await b.SubmitAsync("/account/sign-in", [new("Input.Email", person.Email), new("Input.Password", AccountsApp.GoodPassword)])).Status);
        await using (var db = app.OpenDb())
        {
            Assert.NotEmpty(await DatabaseScan.FindAsync(db, [local]));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await b.SubmitAsync("/my/delete", [new("Confirm", "true")])).Status);

        await using (var db = app.OpenDb())
        {
            Assert.Empty(await DatabaseScan.FindAsync(db, [local]));
            if (!db.IsPostgres)
            {
                // Not in freed pages, indexes or the log either: what a copy of the file would show.
                await DatabaseScan.CheckpointAsync(db);
                Assert.Empty(DatabaseScan.FindInFiles(DatabaseScan.SqliteFile(app.Database.Connection), [local]));
            }
        }
    }

    [Fact]
    public async Task A_deleted_staff_account_leaves_its_email_in_no_listing_history_notice_report_or_published_field()
    {
        var (org, service, _) = await app.AddOrganisationAsync("Goole Drop-in");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderAdmin, org.Id);
        var url = $"/provider/services/{service.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.SubmitAsync(url, [], formAction: $"{url}?handler=Check")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.SubmitAsync(url, [new("Notice.Kind", ServiceNoticeKinds.NotTakingReferrals), new("Notice.Until", "")], formAction: $"{url}?handler=Notice")).Status);
        await using (var db = app.OpenDb())
        {
            // As an earlier version stored it, and as an imported feed may: the published assurer is their own address.
            await db.Services.Where(x => x.Id == service.Id).ExecuteUpdateAsync(x => x.SetProperty(v => v.AssurerEmail, staff.Account.Email));
            db.ListingReports.Add(new ListingReport
            {
                Id = Guid.NewGuid(), ServiceId = service.Id, Message = "Wrong day", ReceivedAt = DateTimeOffset.UtcNow,
                ResolvedAt = DateTimeOffset.UtcNow, ResolvedBy = staff.Account.Email,
            });
            await db.SaveChangesAsync();
            Assert.NotEmpty(await DatabaseScan.FindAsync(db, [staff.Account.Email]));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.SubmitAsync("/my/delete", [new("Confirm", "true")])).Status);

        await using (var db = app.OpenDb())
        {
            Assert.Empty(await DatabaseScan.FindAsync(db, [staff.Account.Email]));
            // The facts stay: the listing was checked and has a notice, by someone no longer named.
            Assert.True(await db.Metadata.AnyAsync(m => m.ResourceId == service.Id && m.UpdatedBy == AccountErasure.ErasedName));
            Assert.Equal(AccountErasure.ErasedName, await db.ServiceNotices.Where(n => n.ServiceId == service.Id).Select(n => n.SetBy).SingleAsync());
            Assert.Equal(service.Email, await db.Services.Where(x => x.Id == service.Id).Select(x => x.AssurerEmail).SingleAsync());
        }
    }

    private static async Task<JsonDocument> DownloadAsync(PersonSession person)
    {
        var page = await person.Browser.GetAsync("/my/data");
        var download = await person.Browser.Client.PostAsync(new Uri("/my/data", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", page.AntiforgeryToken())]));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        return JsonDocument.Parse(await download.Content.ReadAsStringAsync());
    }

    /// <summary>A person with every kind of data: phone, notes, a saved service, a story, and a referral that carries it.</summary>
    private async Task<PersonSession> FillAccountAsync(Guid serviceId)
    {
        var person = await app.SignUpAsync();
        var b = person.Browser;
        Assert.Equal(HttpStatusCode.Redirect, (await b.SubmitAsync("/my/plan", [new("Notes", Notes)], "/my/plan?handler=Notes")).Status);
        var page = await b.GetAsync($"/services/{serviceId}");
        await b.PostAsync("/my/plan?handler=Save", page.AntiforgeryToken("/my/plan?handler=Save"), [new("serviceId", serviceId.ToString())]);
        await b.SubmitAsync("/my/story", [new("Input.Happening", Happening), new("Input.WouldLike", "A group")]);
        var sent = await b.SendSelfReferralAsync(serviceId, [.. ReferralBuilders.SelfReferralFields(ReferralWords, "Email"), new("ShareStory", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await b.SubmitAsync("/my/plan", [new("Contact", "Sms"), new("Phone", "07700 900982")], "/my/plan?handler=Contact")).Status);
        return person;
    }

    private async Task AddOfferedReferralsAsync(PersonSession person, Guid serviceId, Guid orgId)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = app.OpenDb();
        foreach (var days in new[] { 3, 8, 13, 21, 34 })
        {
            var sent = now.AddDays(-60);
            var referral = Referral.Create(serviceId, orgId, person.UserId, new ReferralActor(person.UserId, person.Email, ReferralParty.Person), ContactPreference.Sms, null, new FixedClock(sent));
            var staff = new ReferralActor(null, "Calder staff", ReferralParty.Organisation);
            referral.MoveTo(ReferralStatus.Opened, staff, null, new FixedClock(sent.AddHours(1)));
            referral.MoveTo(ReferralStatus.Accepted, staff, $"Spoke to {person.Email} about the bakery", new FixedClock(sent.AddHours(2)));
            referral.MoveTo(ReferralStatus.Offered, staff, null, new FixedClock(sent.AddDays(days)));
            // Finished since, as a person has only one open referral to a service at a time.
            referral.MoveTo(ReferralStatus.Started, staff, null, new FixedClock(sent.AddDays(days + 1)));
            referral.MoveTo(ReferralStatus.Completed, staff, null, new FixedClock(sent.AddDays(days + 2)));
            db.Referrals.Add(referral);
        }
        await db.SaveChangesAsync();
    }

    private async Task<int?> WaitAsync(Guid serviceId, TimeProvider clock)
    {
        var waits = new MeasuredReferralWaits();
        await using var db = app.OpenDb();
        await waits.RefreshAsync(db, clock);
        return waits.TypicalWaitDays(serviceId);
    }
}
