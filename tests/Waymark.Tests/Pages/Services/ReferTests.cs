using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Services;

/// <summary>
/// Self-referral as GOV.UK's pattern has it: the form, "check your answers", send, and a confirmation that says what
/// went, to whom, who will contact the person, how and by when. What the person shares to be reached is encrypted,
/// reaches the service, and reads of it are audited; an empty form and a second open referral are refused.
/// </summary>
public sealed class ReferTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private async Task<(Organization Org, Service Service)> ServiceRespondingWithinAsync(int workingDays)
    {
        var (org, service) = await app.AddReferrableServiceAsync($"Kirklees Listening Space {Guid.NewGuid():N}");
        await using var db = app.OpenDb();
        db.ServiceAttributes.Add(new ServiceAttribute
        {
            Id = Guid.NewGuid(), ServiceId = service.Id, TaxonomyTermId = ReferralFollowUps.ResponseTimeTerm,
            Value = workingDays.ToString(CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync();
        return (org, service);
    }

    [Fact]
    public async Task Check_your_answers_then_send_says_what_went_to_whom_and_who_will_call_by_when()
    {
        var (org, service) = await ServiceRespondingWithinAsync(2);
        var (person, account) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        var url = $"/services/{service.Id}/refer";

        var form = await person.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        // Offered from the account, for the person to keep or clear.
        Assert.Equal(account.Email, form.Document.QuerySelector("#Email")?.GetAttribute("value"));

        var fields = ReferralBuilders.SelfReferralFields("Please ring after six, I work days", "Sms", name: "Marigold", email: "", phone: "07700 900 123");
        var check = await person.PostAsync(url, form.AntiforgeryToken(url), fields);
        Assert.Equal(HttpStatusCode.OK, check.Status);
        Assert.Equal("Check your answers before sending your referral", check.Text("h1"));
        Assert.Contains("Please ring after six", check.Text("#check-words"), StringComparison.Ordinal);
        Assert.Contains("By phone", check.Text("#check-contact"), StringComparison.Ordinal);
        Assert.Contains("Marigold", check.Text("#check-name"), StringComparison.Ordinal);
        Assert.Contains("07700 900 123", check.Text("#check-phone"), StringComparison.Ordinal);
        Assert.Null(check.Document.QuerySelector("#check-email"));
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.Referrals.AnyAsync(r => r.ServiceId == service.Id), "nothing is sent before the person checks their answers");
        }

        // "Change" brings the form back with the answers as they were.
        var change = await person.PostAsync($"{url}?handler=Change", check.AntiforgeryToken($"{url}?handler=Send"), fields);
        Assert.Equal(HttpStatusCode.OK, change.Status);
        Assert.Equal("Please ring after six, I work days", change.Text("#Story"));
        Assert.Equal("Marigold", change.Document.QuerySelector("#Name")?.GetAttribute("value"));

        var sent = await person.SendSelfReferralAsync(service.Id, fields);
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var id = ReferralBuilders.ConfirmationId(sent, service.Id);

        var confirmation = await person.GetAsync(sent.RedirectPath);
        Assert.Equal(HttpStatusCode.OK, confirmation.Status);
        Assert.Contains("Referral sent", confirmation.Text("#referral-sent"), StringComparison.Ordinal);
        Assert.Contains(service.Name, confirmation.Text("#referral-sent"), StringComparison.Ordinal);
        var created = (await app.ReferralAsync(id)).CreatedAt;
        var due = Staleness.AnswerDueBy(created, 2);
        var who = confirmation.Text("#who-contacts");
        Assert.Contains($"{org.Name} will contact you by phone on 07700 900 123", who, StringComparison.Ordinal);
        Assert.Contains("usually reply within 2 working days", who, StringComparison.Ordinal);
        Assert.Contains($"by {due.ToString("dddd d MMMM yyyy", EnGb)}", who, StringComparison.Ordinal);
        Assert.Contains("Please ring after six", confirmation.Text("#sent-words"), StringComparison.Ordinal);
        Assert.Contains("Marigold", confirmation.Text("#sent-name"), StringComparison.Ordinal);

        // What they shared is encrypted at rest (the columns have no conversion: this is what is stored).
        await using (var db = app.OpenDb())
        {
            var stored = await db.ReferredPeople.AsNoTracking().SingleAsync(p => p.ReferralId == id);
            Assert.NotEmpty(stored.ProtectedName);
            Assert.DoesNotContain("Marigold", stored.ProtectedName, StringComparison.Ordinal);
            Assert.Null(stored.ProtectedEmail);
            Assert.DoesNotContain("900", stored.ProtectedPhone!, StringComparison.Ordinal);
        }

        // The service sees how to reach them, and that read is audited.
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var received = await staff.Browser.GetAsync($"/provider/referrals/{id}");
        Assert.Equal("Marigold", received.Text("#referred-name"));
        Assert.Equal("07700 900 123", received.Text("#referred-phone"));
        Assert.Null(received.Document.QuerySelector("#referred-email"));
        Assert.Contains("by phone", received.Text("#contact-preference"), StringComparison.Ordinal);
        await using (var db = app.OpenDb())
        {
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == ReferralAudit.ContactViewed && a.SubjectId == id.ToString() && a.ActorId == staff.Account.UserId));
        }
    }

    [Fact]
    public async Task Do_not_contact_me_shares_no_address_and_tells_the_service_they_will_get_in_touch()
    {
        var (org, service) = await app.AddReferrableServiceAsync($"Calder Drop In {Guid.NewGuid():N}");
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        var fields = ReferralBuilders.SelfReferralFields("I will come on Thursday", "None", name: "Robin", email: "robin@example.org", phone: "07700 900 555");

        var sent = await person.SendSelfReferralAsync(service.Id, fields);
        var id = ReferralBuilders.ConfirmationId(sent, service.Id);

        var confirmation = await person.GetAsync(sent.RedirectPath);
        Assert.Contains("get in touch with", confirmation.Text("#who-contacts"), StringComparison.Ordinal);
        Assert.Contains("yourself", confirmation.Text("#who-contacts"), StringComparison.Ordinal);
        Assert.Contains("01422 000000", confirmation.Text("#service-contacts"), StringComparison.Ordinal);
        Assert.Null(confirmation.Document.QuerySelector("#sent-email"));
        Assert.Null(confirmation.Document.QuerySelector("#sent-phone"));

        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var received = await staff.Browser.GetAsync($"/provider/referrals/{id}");
        Assert.Contains("They will get in touch with you themselves", received.Text("#contact-preference"), StringComparison.Ordinal);
        Assert.Equal("Robin", received.Text("#referred-name"));
        Assert.Null(received.Document.QuerySelector("#referred-email"));
        Assert.Null(received.Document.QuerySelector("#referred-phone"));
        await using var db = app.OpenDb();
        var kept = await db.ReferredPeople.SingleAsync(p => p.ReferralId == id);
        Assert.Null(kept.ProtectedEmail);
        Assert.Null(kept.ProtectedPhone);
    }

    [Fact]
    public async Task What_the_person_shared_is_in_their_download_and_goes_when_they_delete_their_account()
    {
        var (_, service) = await app.AddReferrableServiceAsync($"Erasable Service {Guid.NewGuid():N}");
        using var person = await app.SignUpAsync();
        var sent = await person.Browser.SendSelfReferralAsync(service.Id,
            ReferralBuilders.SelfReferralFields("Shared then erased", "Email", name: "Wren", email: "wren@example.org", phone: "0113 496 0000"));
        var id = ReferralBuilders.ConfirmationId(sent, service.Id);

        var page = await person.Browser.GetAsync("/my/data");
        var download = await person.Browser.Client.PostAsync(new Uri("/my/data", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", page.AntiforgeryToken())]));
        using (var json = System.Text.Json.JsonDocument.Parse(await download.Content.ReadAsStringAsync()))
        {
            var referral = json.RootElement.GetProperty("referrals").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
            var shared = referral.GetProperty("how_they_can_reach_you");
            Assert.Equal("Wren", shared.GetProperty("name").GetString());
            Assert.Equal("wren@example.org", shared.GetProperty("email").GetString());
            Assert.Equal("0113 496 0000", shared.GetProperty("phone").GetString());
        }

        var deleted = await person.Browser.SubmitAsync("/my/delete", [new("Confirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        await using var db = app.OpenDb();
        Assert.False(await db.ReferredPeople.AnyAsync(p => p.ReferralId == id));
        Assert.True(await db.Referrals.AnyAsync(r => r.Id == id && r.PersonUserId == null), "the anonymous referral row stays for waiting times");
    }

    [Fact]
    public async Task A_form_with_nothing_in_it_cannot_be_sent_and_errors_follow_the_form()
    {
        var (org, service) = await app.AddReferrableServiceAsync($"Empty Form Service {Guid.NewGuid():N}");
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        var url = $"/services/{service.Id}/refer";
        var token = (await person.GetAsync(url)).AntiforgeryToken(url);

        var empty = await person.PostAsync(url, token, [new("Story", ""), new("Name", ""), new("Email", ""), new("Phone", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(
            [$"Write something for {org.Name}, or choose how they can contact you. A referral with nothing in it cannot be sent.", "Choose how the service may contact you about this referral"],
            empty.ErrorSummary());
        Assert.Equal(["#Story", "#Contact"], empty.ErrorSummaryLinks());

        var dontContactNothingElse = await person.PostAsync(url, token, ReferralBuilders.SelfReferralFields("", "None"));
        Assert.Equal(HttpStatusCode.BadRequest, dontContactNothingElse.Status);
        Assert.Equal(["#Story"], dontContactNothingElse.ErrorSummaryLinks());

        var missing = await person.PostAsync(url, token, ReferralBuilders.SelfReferralFields("", "Email", name: " ", email: "", phone: "12"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(["#Name", "#Email", "#Phone"], missing.ErrorSummaryLinks());
        Assert.Equal("Enter a UK phone number, like 07700 900 982 or 0113 496 0000", missing.ErrorSummary()[2]);

        // Straight to "send", past the check page: checked again, nothing saved.
        var forged = await person.PostAsync($"{url}?handler=Send", token, [new("Story", ""), new("Contact", "None")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        await using var db = app.OpenDb();
        Assert.False(await db.Referrals.AnyAsync(r => r.ServiceId == service.Id));
    }

    [Fact]
    public async Task The_same_open_referral_cannot_be_sent_twice_and_the_person_is_shown_the_one_they_have()
    {
        var (_, service) = await app.AddReferrableServiceAsync($"Twice Service {Guid.NewGuid():N}");
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        var url = $"/services/{service.Id}/refer";
        var fields = ReferralBuilders.SelfReferralFields("Only once please");
        var form = await person.GetAsync(url);
        var check = await person.PostAsync(url, form.AntiforgeryToken(url), fields);
        var send = $"{url}?handler=Send";
        var token = check.AntiforgeryToken(send);

        // Pressed twice at once: one is sent, the other is refused.
        var both = await Task.WhenAll(person.PostAsync(send, token, fields), person.PostAsync(send, token, fields));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], both.Select(p => p.Status).Order());
        var first = ReferralBuilders.ConfirmationId(both.Single(p => p.Status == HttpStatusCode.Redirect), service.Id);

        var again = await person.PostAsync(send, token, fields);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal($"/my/referrals#referral-{first}", again.Document.QuerySelector("#see-referral")?.GetAttribute("href"));

        var page = await person.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("You already have a referral", page.Text("h1"), StringComparison.Ordinal);
        Assert.Contains("sent", page.Text("#existing-referral"), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#Story"));
        await using (var db = app.OpenDb())
        {
            Assert.Equal(1, await db.Referrals.CountAsync(r => r.ServiceId == service.Id));
        }

        // Once it is withdrawn it is no longer open, so a new one can go.
        var list = await person.GetAsync("/my/referrals");
        var withdraw = list.Document.QuerySelector($"#referral-{first} form")!.GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.Redirect, (await person.PostAsync(withdraw, list.AntiforgeryToken(withdraw), [])).Status);
        var second = await person.SelfReferAsync(app, service.Id, "Trying again");
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Signed_out_the_page_says_why_an_account_is_needed_and_the_way_back_survives_sign_up()
    {
        var (_, service) = await app.AddReferrableServiceAsync($"Sign Up First {Guid.NewGuid():N}");
        using var browser = Browser.For(app);
        var back = $"/services/{service.Id}/refer?near=Leeds&within_km=50";

        var page = await browser.GetAsync(back);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("follow your referral", page.Html, StringComparison.Ordinal);
        Assert.Contains("You do not need an account to search", page.Html, StringComparison.Ordinal);
        var create = page.Document.QuerySelector("#create-account")!.GetAttribute("href")!;
        Assert.Equal("/account/create?returnUrl=" + Uri.EscapeDataString(back), create);
        Assert.Equal("/account/sign-in?returnUrl=" + Uri.EscapeDataString(back), page.Document.QuerySelector("#sign-in")!.GetAttribute("href"));
        // Posting signed out asks for a sign-in and sends nothing.
        using (var nothing = new FormUrlEncodedContent([new("Story", "x"), new("Contact", "None")]))
        {
            var anonymousPost = await browser.Client.PostAsync(new Uri($"/services/{service.Id}/refer?handler=Send", UriKind.Relative), nothing);
            Assert.NotEqual(HttpStatusCode.OK, anonymousPost.StatusCode);
            Assert.NotEqual(HttpStatusCode.Redirect, anonymousPost.StatusCode);
        }

        var email = $"person-{Guid.NewGuid():N}@example.org";
        var createPage = await browser.GetAsync(create);
        Assert.Equal(back, createPage.Document.QuerySelector("input[name=ReturnUrl]")?.GetAttribute("value"));
        var created = await browser.PostAsync(create, createPage.AntiforgeryToken(), [new("Email", email), new("Password", AccountsApp.GoodPassword), new("ReturnUrl", back)]);
        Assert.Equal("/account/check-email", created.RedirectPath);

        var link = await PersonBuilders.EmailedLinkAsync(app, email, "/account/confirm-email");
        Assert.Contains("returnUrl=" + Uri.EscapeDataString(back), link, StringComparison.Ordinal);
        var confirmPage = await browser.GetAsync(link);
        var confirmFields = confirmPage.Document.QuerySelectorAll("form input[type=hidden]")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        Assert.Equal(back, confirmPage.Document.QuerySelector("input[name=ReturnUrl]")?.GetAttribute("value"));
        // Confirming takes the password chosen at sign-up and signs the person in, straight back where they were going.
        var confirmed = await browser.PostAsync(link, confirmPage.AntiforgeryToken(), [.. confirmFields, new("Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal(back, confirmed.RedirectPath);

        var referral = await browser.GetAsync(back);
        Assert.Equal(HttpStatusCode.OK, referral.Status);
        Assert.NotNull(referral.Document.QuerySelector("#Story"));
        Assert.Equal(back, referral.Document.QuerySelector("form[method=post] #Story")?.Closest("form")?.GetAttribute("action"));
        var sent = await browser.SendSelfReferralAsync(service.Id, ReferralBuilders.SelfReferralFields("Back where I was"), "?near=Leeds&within_km=50");
        Assert.EndsWith("?near=Leeds&within_km=50", sent.RedirectPath, StringComparison.Ordinal);
        var confirmation = await browser.GetAsync(sent.RedirectPath);
        Assert.Equal("/find/results?near=Leeds&within_km=50", confirmation.Document.QuerySelector("#back-to-results")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_address_on_another_site_is_never_followed(string returnUrl)
    {
        var email = $"person-{Guid.NewGuid():N}@example.org";
        using var browser = Browser.For(app);
        var createPage = await browser.GetAsync("/account/create?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal("", createPage.Document.QuerySelector("input[name=ReturnUrl]")?.GetAttribute("value") ?? "");
        await browser.PostAsync("/account/create", createPage.AntiforgeryToken(), [new("Email", email), new("Password", AccountsApp.GoodPassword), new("ReturnUrl", returnUrl)]);
        var link = await PersonBuilders.EmailedLinkAsync(app, email, "/account/confirm-email");
        Assert.DoesNotContain("returnUrl", link, StringComparison.Ordinal);

        var confirmPage = await browser.GetAsync(link + "&returnUrl=" + Uri.EscapeDataString(returnUrl));
        var confirmFields = confirmPage.Document.QuerySelectorAll("form input[type=hidden]")
            .Where(i => i.GetAttribute("name") is "user" or "Token")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).Append(new("ReturnUrl", returnUrl)).ToList();
        var confirmed = await browser.PostAsync("/account/confirm-email", confirmPage.AntiforgeryToken(), [.. confirmFields, new("Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal("/account", confirmed.RedirectPath);

        // Signing in again with the same return address lands on the account page too.
        using var again = Browser.For(app);
        var signInPage = await again.GetAsync("/account/sign-in");
        var signedIn = await again.PostAsync("/account/sign-in", signInPage.AntiforgeryToken(),
            [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword), new("ReturnUrl", returnUrl)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/account", signedIn.RedirectPath);
    }

    [Fact]
    public async Task A_service_page_reached_from_results_goes_back_to_them_and_keeps_the_search()
    {
        var (_, service) = await app.AddReferrableServiceAsync($"Back Link Service {Guid.NewGuid():N}");
        using var browser = Browser.For(app);

        var fromResults = await browser.GetAsync($"/services/{service.Id}?near=Leeds&within_km=50&format=group");
        Assert.Equal("/find/results?near=Leeds&within_km=50&format=group", fromResults.Document.QuerySelector("#back-to-results")?.GetAttribute("href"));
        Assert.Equal($"/services/{service.Id}/refer?near=Leeds&within_km=50&format=group", fromResults.Document.QuerySelector("#refer-yourself")?.GetAttribute("href"));

        var direct = await browser.GetAsync($"/services/{service.Id}");
        Assert.Null(direct.Document.QuerySelector("#back-to-results"));
        Assert.Equal($"/services/{service.Id}/refer", direct.Document.QuerySelector("#refer-yourself")?.GetAttribute("href"));
    }
}
