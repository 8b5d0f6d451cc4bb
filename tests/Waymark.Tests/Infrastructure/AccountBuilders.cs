using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;

namespace Waymark.Tests.Infrastructure;

/// <summary>The app with a sign-in rate limit high enough that only the rate-limit test meets it.</summary>
public class AccountsApp : WaymarkApp
{
    public AccountsApp()
    {
    }

    protected AccountsApp(TestDatabase database, string outboxFolder, bool ownsDatabase)
        : base(database, outboxFolder, ownsDatabase)
    {
    }

    protected virtual int SignInsPerMinute => 10_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("WAYMARK_SIGN_IN_ATTEMPTS_PER_MINUTE", SignInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("WAYMARK_REPORTS_PER_HOUR", "10000");
    }

    /// <summary>An organisation with one service and one location, unique to the caller.</summary>
    public async Task<(Organization Org, Service Service, Location Location)> AddOrganisationAsync(string name = "Calder Peer Support", DateOnly? assured = null)
    {
        var org = new Organization { Id = Guid.NewGuid(), Name = name, Description = "Peer support groups in Calderdale." };
        var location = new Location
        {
            Id = Guid.NewGuid(),
            LocationType = "physical",
            Name = "Square Chapel",
            Latitude = 53.7196,
            Longitude = -1.8568,
            Addresses = [new Address { Id = Guid.NewGuid(), Address1 = "10 Square Road", City = "Halifax", StateProvince = "West Yorkshire", PostalCode = "HX1 1QG", Country = "GB", AddressType = "physical" }],
        };
        var service = new Service
        {
            Id = Guid.NewGuid(),
            OrganizationId = org.Id,
            Name = "Tuesday evening peer group",
            Description = "A small group for adults who self-harm, run by people who have been there.",
            Email = "group@example.org",
            AssuredDate = assured ?? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-20)),
            LastModified = DateTimeOffset.UtcNow.AddDays(-30),
            Contacts = [new Contact { Id = Guid.NewGuid(), Name = "Group lead", Phones = [new Phone { Id = Guid.NewGuid(), Number = "01422 000000" }] }],
            Attributes = [new ServiceAttribute { Id = Guid.NewGuid(), TaxonomyTermId = Vocabulary.TermId("format:group") }],
            Schedules = [new Schedule { Id = Guid.NewGuid(), Freq = "WEEKLY", ByDay = "TU", OpensAt = "18:00", ClosesAt = "20:00" }],
        };
        service.ServiceAtLocations = [new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = service.Id, LocationId = location.Id }];
        await using var db = OpenDb();
        db.Organizations.Add(org);
        db.Locations.Add(location);
        db.Services.Add(service);
        await db.SaveChangesAsync();
        return (org, service, location);
    }

    /// <summary>Creates an account as `waymark users add` does and returns its one-time set-password link.</summary>
    public async Task<NewAccount> AddUserAsync(string role, Guid? organisationId = null, string? email = null, IReadOnlyList<string>? areas = null)
    {
        using var scope = Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        return await accounts.AddUserAsync(email ?? $"{role}-{Guid.NewGuid():N}@example.org", role, organisationId, areas ?? [], Actor.CommandLine);
    }

    public const string GoodPassword = "heron lantern orchard";

    /// <summary>A browser signed in as a new user with a password but no authenticator yet (through another host of the app, if given).</summary>
    public async Task<(Browser Browser, NewAccount Account)> SignInWithPasswordOnlyAsync(string role, Guid? organisationId = null, WebApplicationFactory<Program>? through = null, IReadOnlyList<string>? areas = null)
    {
        var account = await AddUserAsync(role, organisationId, areas: areas);
        var browser = Browser.For(through ?? this);
        var set = await browser.SubmitAsync(account.SetPasswordPath, [new("Password", GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, set.Status);
        var signIn = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", account.Email), new("Input.Password", GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        return (browser, account);
    }

    /// <summary>A browser signed in as staff with an authenticator set up, as every staff member must.</summary>
    public async Task<StaffSession> SignInAsStaffAsync(string role, Guid? organisationId = null, WebApplicationFactory<Program>? through = null, IReadOnlyList<string>? areas = null)
    {
        var (browser, account) = await SignInWithPasswordOnlyAsync(role, organisationId, through, areas);
        var setup = await browser.GetAsync("/account/authenticator");
        var key = setup.Text("#authenticator-key");
        Assert.NotEmpty(key);
        var done = await browser.PostAsync("/account/authenticator", setup.AntiforgeryToken(), [new("Code", Totp.Code(key, Services.GetRequiredService<TimeProvider>().GetUtcNow()))]);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        var codes = done.Document.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return new StaffSession(browser, account, key, codes);
    }
}

public sealed record StaffSession(Browser Browser, NewAccount Account, string AuthenticatorKey, IReadOnlyList<string> RecoveryCodes) : IDisposable
{
    public void Dispose() => Browser.Dispose();
}
