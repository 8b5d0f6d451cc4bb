using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Cli;
using Waymark.Core.Accounts;
using Waymark.Core.Oruk;
using Waymark.Tests.Cli;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Web;

/// <summary>
/// Every place an email address comes in — the navigator's referral form, sign-up, sign-in, forgotten password,
/// "suggest a change", the provider's contact fields, <c>waymark users add</c> and ORUK imports — refuses an address
/// with a line break in it (which could add headers to a message) and other malformed ones, and stores nothing.
/// </summary>
public sealed class EmailFieldTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const string WithLineBreak = "jo@example.org\r\nBcc: everyone@example.org";

    public static TheoryData<string> Malformed => new()
    {
        WithLineBreak,
        "jo@example.org\nBcc: everyone@example.org",
        "Jo Bloggs <jo@example.org>",
        "jo@example",
        "jo@example.org, ann@example.org",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task The_navigator_referral_form_refuses_it_and_sends_nothing(string email)
    {
        var (_, service) = await app.AddReferrableServiceAsync("Email Check Group", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);

        var page = await navigator.Browser.SubmitAsync($"/navigator/refer/{service.Id}", ReferralFlowBuilders.NavigatorReferralFields("Jo Bloggs", email, "A story."));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Enter their email address, like name@example.com, or choose another way to contact them", page.ErrorSummary());
        await using var db = app.OpenDb();
        Assert.False(await db.Referrals.AnyAsync(r => r.ServiceId == service.Id));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Sign_up_refuses_it_and_makes_no_account(string email)
    {
        using var browser = Browser.For(app);
        await using var before = app.OpenDb();
        var users = await before.Users.CountAsync();

        var page = await browser.SubmitAsync("/account/create", [new("Email", email), new("Password", AccountsApp.GoodPassword)]);
        await app.AccountWorkDoneAsync();

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Enter an email address in the right format, like name@example.com", page.ErrorSummary());
        await using var after = app.OpenDb();
        Assert.Equal(users, await after.Users.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Sign_in_refuses_it(string email)
    {
        using var browser = Browser.For(app);

        var page = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword)]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Enter your email address in the right format, like name@example.com", page.ErrorSummary());
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Forgotten_password_refuses_it_and_queues_nothing(string email)
    {
        using var browser = Browser.For(app);
        await using var before = app.OpenDb();
        var queued = await before.OutboxMessages.CountAsync();

        var page = await browser.SubmitAsync("/account/forgot-password", [new("Email", email)]);
        await app.AccountWorkDoneAsync();

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Enter an email address in the right format, like name@example.com", page.ErrorSummary());
        await using var after = app.OpenDb();
        Assert.Equal(queued, await after.OutboxMessages.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Suggest_a_change_refuses_it_and_stores_no_report(string email)
    {
        var (_, service, _) = await app.AddOrganisationAsync("Reported Email Org");
        using var browser = Browser.For(app);

        var page = await browser.SubmitAsync($"/services/{service.Id}/suggest-a-change", [new("Message", "The phone number is wrong."), new("Email", email)]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Enter an email address in the correct format, like name@example.org, or leave it empty", page.ErrorSummary());
        await using var db = app.OpenDb();
        Assert.False(await db.ListingReports.AnyAsync(r => r.ServiceId == service.Id));
    }

    [Theory]
    [InlineData(WithLineBreak)]
    [InlineData("Jo Bloggs <jo@example.org>")]
    public async Task The_providers_contact_fields_refuse_it_and_keep_the_old_address(string email)
    {
        var (org, service, _) = await app.AddOrganisationAsync("Contact Email Org");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderAdmin, org.Id);

        var serviceEdit = await staff.Browser.SubmitAsync($"/provider/services/{service.Id}", EditFields(await staff.Browser.GetAsync($"/provider/services/{service.Id}"), email));
        var orgEdit = await staff.Browser.SubmitAsync($"/provider/organisations/{org.Id}", EditFields(await staff.Browser.GetAsync($"/provider/organisations/{org.Id}"), email));

        Assert.Equal(HttpStatusCode.BadRequest, serviceEdit.Status);
        Assert.Contains("Enter an email address in the correct format, like name@example.org", serviceEdit.ErrorSummary());
        Assert.Equal(HttpStatusCode.BadRequest, orgEdit.Status);
        Assert.Contains("Enter an email address in the correct format, like name@example.org", orgEdit.ErrorSummary());
        await using var db = app.OpenDb();
        Assert.Equal("group@example.org", (await db.Services.SingleAsync(s => s.Id == service.Id)).Email);
        Assert.Null((await db.Organizations.SingleAsync(o => o.Id == org.Id)).Email);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Users_add_refuses_it_and_makes_no_account(string email)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        await using var before = app.OpenDb();
        var users = await before.Users.CountAsync();

        var code = await WaymarkCli.RunAsync(["users", "add", "--email", email, "--role", "navigator", "--database", app.Database.Connection], output, error);

        Assert.Equal(1, code);
        Assert.Contains("is not an email address", error.ToString(), StringComparison.Ordinal);
        await using var after = app.OpenDb();
        Assert.Equal(users, await after.Users.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task An_oruk_import_rejects_the_record_naming_the_field(string email)
    {
        var record = Feeds.Service("email-check");
        record["email"] = email;
        record["contacts"]![0]!["email"] = email;
        await using var db = app.OpenDb();

        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Feeds.Array(record).ToJsonString()));
        var result = await new OrukImporter(db, TimeProvider.System).ImportStreamAsync(stream, skipInvalid: false);

        Assert.False(result.Committed);
        Assert.Contains(result.Rejections, r => r.Field == "email" && r.Rule.StartsWith("is not an email address", StringComparison.Ordinal));
        Assert.Contains(result.Rejections, r => r.Field == "contacts[0].email");
    }

    /// <summary>Every field of the edit form as it stands, with the email changed.</summary>
    private static List<KeyValuePair<string, string>> EditFields(Infrastructure.Page form, string email)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Document.QuerySelectorAll("form[method=post] input[name], form[method=post] textarea[name], form[method=post] select[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (name == "__RequestVerificationToken" || (input.GetAttribute("type") is "checkbox" or "radio" && !input.HasAttribute("checked")))
            {
                continue;
            }
            var value = input.LocalName == "textarea" ? input.TextContent
                : input.LocalName == "select" ? input.QuerySelector("option[selected]")?.GetAttribute("value") ?? ""
                : input.GetAttribute("value") ?? "";
            fields.Add(new(name, name == "Input.Email" ? email : value));
        }
        Assert.Contains(fields, f => f.Key == "Input.Email");
        return fields;
    }
}
