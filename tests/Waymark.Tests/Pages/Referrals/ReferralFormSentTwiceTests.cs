using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Referrals;

/// <summary>
/// A referral form sent again (a double press, or again after its answer was lost to a failover or a dropped
/// connection) makes one referral: the form carries a random key, and the same key from the same referrer gives back
/// the referral it made, with no second message or history. Another referrer's key reveals nothing.
/// </summary>
public sealed class ReferralFormSentTwiceTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    /// <summary>The form as shown: its antiforgery token and its idempotency key.</summary>
    private static async Task<(string Token, string Key)> OpenFormAsync(Browser browser, string url)
    {
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var key = page.Document.QuerySelector("form input[type=hidden][name=IdempotencyKey]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(key), "the form carries an idempotency key");
        return (page.AntiforgeryToken(), key!);
    }

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string key) =>
        [.. fields, new("IdempotencyKey", key)];

    private static Guid ReferralIn(Page sent, string prefix)
    {
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.StartsWith(prefix, sent.RedirectPath, StringComparison.Ordinal);
        return Guid.Parse(sent.RedirectPath[prefix.Length..]);
    }

    private async Task AssertOneReferralToldOnceAsync(Guid serviceId, Guid id)
    {
        await using var db = app.OpenDb();
        Assert.Equal([id], await db.Referrals.Where(r => r.ServiceId == serviceId).Select(r => r.Id).ToListAsync());
        Assert.Equal(1, await db.ReferralEvents.CountAsync(e => e.ReferralId == id));
        Assert.Equal(1, await db.ReferredPeople.CountAsync(p => p.ReferralId == id));
        Assert.Equal(1, await db.ReferralConsents.CountAsync(c => c.ReferralId == id));
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == ReferralAudit.Created && a.SubjectId == id.ToString()));
        // "Sent": one message to the person and one to the referrer, each once.
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.SubjectId == id));
    }

    [Fact]
    public async Task A_navigators_form_sent_again_after_its_answer_was_lost_gives_back_the_referral_it_made()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Twice Listening", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var url = $"/navigator/refer/{service.Id}";
        var (token, key) = await OpenFormAsync(navigator.Browser, url);
        var fields = With(ReferralFlowBuilders.NavigatorReferralFields("Robin Hale", $"robin-{Guid.NewGuid():N}@example.org", "Wants to talk"), key);

        var first = ReferralIn(await navigator.Browser.PostAsync(url, token, fields), "/navigator/referrals/");
        // The first answer never arrived; the same form is sent again, and answered as the first press was.
        var again = await navigator.Browser.PostAsync(url, token, fields);
        Assert.Equal(first, ReferralIn(again, "/navigator/referrals/"));
        var shown = await navigator.Browser.GetAsync(again.RedirectPath);
        Assert.Contains("has been sent", shown.Html, StringComparison.Ordinal);

        await AssertOneReferralToldOnceAsync(service.Id, first);
    }

    [Fact]
    public async Task Presses_of_one_form_at_the_same_moment_make_one_referral()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Race Listening", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var url = $"/navigator/refer/{service.Id}";
        var (token, key) = await OpenFormAsync(navigator.Browser, url);
        var fields = With(ReferralFlowBuilders.NavigatorReferralFields("Kit Moss", $"kit-{Guid.NewGuid():N}@example.org"), key);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => navigator.Browser.PostAsync(url, token, fields)));

        var ids = answers.Select(a => ReferralIn(a, "/navigator/referrals/")).Distinct().ToList();
        Assert.Single(ids);
        await AssertOneReferralToldOnceAsync(service.Id, ids[0]);
    }

    [Fact]
    public async Task Two_forms_make_two_referrals_and_a_form_without_a_key_still_sends()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Two Forms Listening", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var url = $"/navigator/refer/{service.Id}";
        var fields = ReferralFlowBuilders.NavigatorReferralFields("Lee Grey", $"lee-{Guid.NewGuid():N}@example.org");
        var (token, key) = await OpenFormAsync(navigator.Browser, url);
        var (_, otherKey) = await OpenFormAsync(navigator.Browser, url);
        Assert.NotEqual(key, otherKey);

        var one = ReferralIn(await navigator.Browser.PostAsync(url, token, With(fields, key)), "/navigator/referrals/");
        var two = ReferralIn(await navigator.Browser.PostAsync(url, token, With(fields, otherKey)), "/navigator/referrals/");
        // An older form, shown before forms had keys, sends as it always did.
        var old = ReferralIn(await navigator.Browser.PostAsync(url, token, fields), "/navigator/referrals/");

        Assert.Equal(3, new[] { one, two, old }.Distinct().Count());
        await using var db = app.OpenDb();
        Assert.Equal(3, await db.Referrals.CountAsync(r => r.ServiceId == service.Id));
    }

    [Fact]
    public async Task Another_navigators_key_never_gives_back_their_referral()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Someone Elses Listening", access: "access:professional-referral");
        using var mine = await app.SignInAsStaffAsync(Roles.Navigator);
        using var other = await app.SignInAsStaffAsync(Roles.Navigator);
        var url = $"/navigator/refer/{service.Id}";
        var (token, key) = await OpenFormAsync(mine.Browser, url);
        var email = $"sky-{Guid.NewGuid():N}@example.org";
        var fields = With(ReferralFlowBuilders.NavigatorReferralFields("Sky Private", email, "Only for my navigator"), key);
        var id = ReferralIn(await mine.Browser.PostAsync(url, token, fields), "/navigator/referrals/");

        // The other navigator sends the very same form, key and all: a referral of their own, never the first one.
        var (otherToken, _) = await OpenFormAsync(other.Browser, url);
        var theirs = ReferralIn(await other.Browser.PostAsync(url, otherToken, fields), "/navigator/referrals/");
        Assert.NotEqual(id, theirs);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.GetAsync($"/navigator/referrals/{id}")).Status);

        await using var db = app.OpenDb();
        var referrers = await db.Referrals.Where(r => r.ServiceId == service.Id).ToDictionaryAsync(r => r.Id, r => r.ReferrerUserId);
        Assert.Equal(mine.Account.UserId, referrers[id]);
        Assert.Equal(other.Account.UserId, referrers[theirs]);
        Assert.Equal(1, await db.ReferralEvents.CountAsync(e => e.ReferralId == id));
    }

    [Fact]
    public async Task A_sent_form_reused_for_someone_else_sends_nothing_and_says_so()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Back Button Listening", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var url = $"/navigator/refer/{service.Id}";
        var (token, key) = await OpenFormAsync(navigator.Browser, url);
        var id = ReferralIn(await navigator.Browser.PostAsync(url, token,
            With(ReferralFlowBuilders.NavigatorReferralFields("Ash First", $"ash-{Guid.NewGuid():N}@example.org"), key)), "/navigator/referrals/");

        // "Back" to the sent form, another person's details, send: not quietly the first referral, and nothing sent.
        var reused = await navigator.Browser.PostAsync(url, token,
            With(ReferralFlowBuilders.NavigatorReferralFields("Bo Second", $"bo-{Guid.NewGuid():N}@example.org"), key));
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Contains("already used to send a referral", string.Join(" ", reused.ErrorSummary()), StringComparison.Ordinal);
        var fresh = reused.Document.QuerySelector("form input[name=IdempotencyKey]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(fresh));
        Assert.NotEqual(key, fresh);
        await AssertOneReferralToldOnceAsync(service.Id, id);

        // Sent again as shown, with the fresh key, it is a new referral.
        var second = ReferralIn(await navigator.Browser.PostAsync(url, token,
            With(ReferralFlowBuilders.NavigatorReferralFields("Bo Second", $"bo-{Guid.NewGuid():N}@example.org"), fresh!)), "/navigator/referrals/");
        Assert.NotEqual(id, second);
    }

    [Fact]
    public async Task Staff_referring_someone_on_who_send_the_form_twice_make_one_referral()
    {
        var (orgA, serviceA) = await app.AddReferrableServiceAsync("Onward Twice Listening", access: "access:professional-referral");
        var (_, serviceB) = await app.AddReferrableServiceAsync("Onward Twice Housing", access: "access:professional-referral");
        var email = $"alex-{Guid.NewGuid():N}@example.org";
        Guid from;
        using (var navigator = await app.SignInAsStaffAsync(Roles.Navigator))
        {
            from = await navigator.Browser.NavigatorRefersAsync(serviceA.Id, ReferralFlowBuilders.NavigatorReferralFields("Alex Marsh", email));
        }
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, orgA.Id);
        var url = $"/provider/referrals/{from}/onward/{serviceB.Id}";
        var (token, key) = await OpenFormAsync(staff.Browser, url);
        var fields = With(ReferralFlowBuilders.NavigatorReferralFields("Alex Marsh", email), key);

        var first = ReferralIn(await staff.Browser.PostAsync(url, token, fields), "/provider/referrals/sent/");
        var again = ReferralIn(await staff.Browser.PostAsync(url, token, fields), "/provider/referrals/sent/");
        var raced = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => staff.Browser.PostAsync(url, token, fields)));

        Assert.Equal(first, again);
        Assert.All(raced, r => Assert.Equal(first, ReferralIn(r, "/provider/referrals/sent/")));
        await AssertOneReferralToldOnceAsync(serviceB.Id, first);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.ReferringOrganisations.CountAsync(x => x.FromReferralId == from));
    }
}
