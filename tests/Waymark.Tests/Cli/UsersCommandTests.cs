using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waymark.Cli;
using Waymark.Core.Accounts;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Cli;

/// <summary><c>waymark users add</c> prints a one-time link; its owner chooses a password on the web and sets up an authenticator.</summary>
public sealed partial class UsersCommandTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task Users_add_prints_a_link_that_leads_to_a_working_staff_account()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        var email = $"lead-{Guid.NewGuid():N}@example.org";

        var run = await RunAsync("users", "add", "--email", email, "--role", "provider-admin", "--org", org.Id.ToString(), "--base-url", "https://waymark.example");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"created provider-admin account for {email}", run.Output, StringComparison.Ordinal);
        var link = LinkPattern().Match(run.Output);
        Assert.True(link.Success, run.Output);
        Assert.DoesNotContain("password", run.Output.Replace("set-password", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

        using var browser = Browser.For(app);
        var path = link.Groups["path"].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(path, [new("Password", AccountsApp.GoodPassword)])).Status);
        var signIn = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.StartsWith("/account/authenticator", signIn.RedirectPath, StringComparison.Ordinal);

        await using var db = app.OpenDb();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(await db.OrganisationMemberships.AnyAsync(m => m.UserId == user.Id && m.OrganizationId == org.Id && m.Role == MembershipRoles.Admin));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.UserCreated && a.SubjectId == user.Id.ToString() && a.ActorEmail == Actor.CommandLine.Name));
    }

    [Fact]
    public async Task Users_add_makes_a_peer_supporter_within_an_organisation_who_edits_no_listings()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        var email = $"peer-{Guid.NewGuid():N}@example.org";

        var run = await RunAsync("users", "add", "--email", email, "--role", "peer-supporter", "--organisation", org.Id.ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"created peer-supporter account for {email}", run.Output, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.True(await db.OrganisationMemberships.AnyAsync(m => m.UserId == user.Id && m.OrganizationId == org.Id && m.Role == MembershipRoles.PeerSupporter));
        Assert.True(await db.UserRoles.AnyAsync(r => r.UserId == user.Id && r.RoleId == Roles.IdOf(Roles.PeerSupporter)));
        Assert.False(await new OrganisationAccess(db).CanEditOrganisationAsync(user.Id, org.Id));

        var without = await RunAsync("users", "add", "--email", $"x-{Guid.NewGuid():N}@example.org", "--role", "peer-supporter");
        Assert.Equal(1, without.ExitCode);
        Assert.Equal("waymark: A peer-supporter account needs the organisation it works for (--organisation).", without.Error.Trim());
    }

    [Fact]
    public async Task A_provider_account_without_an_organisation_is_refused_in_one_line()
    {
        var run = await RunAsync("users", "add", "--email", "someone@example.org", "--role", "provider-staff");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("waymark: A provider-staff account needs the organisation it works for (--organisation).", run.Error.Trim());
        await using var db = app.OpenDb();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "someone@example.org"));
    }

    [Fact]
    public async Task Users_add_gives_a_commissioner_the_areas_named_and_refuses_one_without()
    {
        var email = $"commissioner-{Guid.NewGuid():N}@example.org";

        var run = await RunAsync("users", "add", "--email", email, "--role", "commissioner", "--area", "Calderdale", "--area", "E08000019");
        var without = await RunAsync("users", "add", "--email", "c2@example.org", "--role", "commissioner");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, without.ExitCode);
        Assert.Contains("needs the areas it sees (--area", without.Error, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.Equal(["Calderdale", "Sheffield"], (await Waymark.Core.Commissioning.CommissionerAreas.ForUserAsync(db, user.Id)).Select(a => a.Name));
        Assert.False(await db.Users.AnyAsync(u => u.Email == "c2@example.org"));
    }

    [Fact]
    public async Task Users_add_makes_a_moderator_with_no_organisation_who_must_set_up_an_authenticator_and_lands_on_the_queue()
    {
        var email = $"moderator-{Guid.NewGuid():N}@example.org";

        var run = await RunAsync("users", "add", "--email", email, "--role", "moderator", "--base-url", "https://waymark.example");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"created moderator account for {email}", run.Output, StringComparison.Ordinal);
        await using (var db = app.OpenDb())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            Assert.Equal([Roles.IdOf(Roles.Moderator)], await db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.RoleId).ToListAsync());
            Assert.False(await db.OrganisationMemberships.AnyAsync(m => m.UserId == user.Id));
        }

        using var browser = Browser.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(LinkPattern().Match(run.Output).Groups["path"].Value, [new("Password", AccountsApp.GoodPassword)])).Status);
        var signIn = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.StartsWith("/account/authenticator", signIn.RedirectPath, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/moderate")).Status);
        var setUp = await browser.GetAsync("/account/authenticator");
        var done = await browser.PostAsync("/account/authenticator", setUp.AntiforgeryToken(), [new("Code", Totp.Code(setUp.Text("#authenticator-key"), DateTimeOffset.UtcNow))]);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/moderate")).Status);
    }

    [Fact]
    public async Task Set_password_link_reissues_a_link_for_an_existing_account()
    {
        var account = await app.AddUserAsync(Roles.Moderator);
        var run = await RunAsync("users", "set-password-link", "--email", account.Email);
        Assert.Equal(0, run.ExitCode);
        var path = LinkPattern().Match(run.Output).Groups["path"].Value;
        using var browser = Browser.For(app);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).Status);
    }

    private async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await WaymarkCli.RunAsync([.. args, "--database", app.Database.Connection], output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/account/set-password\?token=[A-Za-z0-9_\-%]+)")]
    private static partial Regex LinkPattern();
}
