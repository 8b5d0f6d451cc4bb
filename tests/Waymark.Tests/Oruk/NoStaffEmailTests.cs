using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Waymark.Cli;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Core.Oruk;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Oruk;

/// <summary>
/// "I've checked this listing" used to publish the checker's own email as <c>assurer_email</c>. Whoever checks or
/// edits a listing, nothing public carries their address: not the ORUK API in any shape, not the export, not the
/// public pages.
/// </summary>
public sealed class NoStaffEmailTests(AccountsApp app) : IClassFixture<AccountsApp>, IDisposable
{
    private const string OrganisationEmail = "hello@ryedale-listening.example.org";
    private readonly string _folder = Directory.CreateTempSubdirectory("waymark-no-staff-email-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_checked_listing_publishes_the_organisations_address_as_assurer_and_no_staff_email_anywhere_public()
    {
        var (org, service, _) = await app.AddOrganisationAsync("Ryedale Listening", assured: new DateOnly(2025, 1, 1));
        await using (var db = app.OpenDb())
        {
            await db.Organizations.Where(o => o.Id == org.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Email, OrganisationEmail));
        }
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderAdmin, org.Id);
        var url = $"/provider/services/{service.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.SubmitAsync(url, [], formAction: $"{url}?handler=Check")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.SubmitAsync(url, [], formAction: $"{url}?handler=Check")).Status);

        using var client = app.CreateClient();
        using var record = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/oruk/services/{service.Id}", UriKind.Relative)));
        Assert.Equal(OrganisationEmail, record.RootElement.GetProperty("assurer_email").GetString());
        // The checks are in the published history, without a name.
        var history = record.RootElement.GetProperty("metadata").EnumerateArray().ToList();
        Assert.Equal(2, history.Count(m => m.GetProperty("last_action_type").GetString() == MetadataActions.Verify));
        Assert.All(history, m => Assert.Equal(OrukMetadataExport.PublicUpdatedBy, m.GetProperty("updated_by").GetString()));

        var salId = service.ServiceAtLocations[0].Id;
        foreach (var path in new[]
        {
            $"/oruk/services/{service.Id}",
            $"/oruk/services?organization_id={org.Id}",
            $"/oruk/services?organization_id={org.Id}&format=ndjson",
            $"/oruk/service_at_locations?organization_id={org.Id}",
            $"/oruk/service_at_locations/{salId}",
            $"/oruk/organizations/{org.Id}?full_service=true",
            $"/oruk/organizations?full=true&search=Ryedale",
            $"/services/{service.Id}",
            $"/organisations/{org.Id}",
        })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.False(body.Contains(staff.Account.Email, StringComparison.OrdinalIgnoreCase), $"{path} publishes the staff member's email");
        }

        // The command-line export, which feeds other directories.
        var file = Path.Combine(_folder, "export.json");
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await WaymarkCli.RunAsync(["export", "oruk", file, "--database", app.Database.Connection], output, error));
        var exported = await File.ReadAllTextAsync(file);
        Assert.DoesNotContain(staff.Account.Email, exported, StringComparison.OrdinalIgnoreCase);
        using var all = JsonDocument.Parse(exported);
        var mine = all.RootElement.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == service.Id);
        Assert.Equal(OrganisationEmail, mine.GetProperty("assurer_email").GetString());
    }

    [Fact]
    public async Task Listings_an_earlier_version_published_with_a_staff_address_are_repaired_when_the_database_is_migrated()
    {
        using var database = new TestDatabase();
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        var org = new Organization { Id = Guid.NewGuid(), Name = "Howden Circle", Description = "Peer support.", Email = OrganisationEmail };
        Service Listing(string name, string? assurer, string? email = "circle@example.org") =>
            new() { Id = Guid.NewGuid(), OrganizationId = org.Id, Name = name, Email = email, AssurerEmail = assurer, AssuredDate = new DateOnly(2026, 6, 1) };
        const string checker = "former.checker@example.org";
        var checkedHere = Listing("Checked in Waymark", checker);
        var namesStaff = Listing("Names a staff account", "CURRENT.STAFF@example.org");
        var fromFeed = Listing("From a feed", "assurance@feed.example.org");
        db.Organizations.Add(org);
        db.Services.AddRange(checkedHere, namesStaff, fromFeed);
        db.Metadata.Add(new MetadataEntry
        {
            Id = Guid.NewGuid(), ResourceId = checkedHere.Id, ResourceType = ListingHistory.ServiceType, LastActionDate = DateTimeOffset.UtcNow,
            LastActionType = MetadataActions.Verify, FieldName = "assured_date", PreviousValue = "", ReplacementValue = "2026-06-01", UpdatedBy = checker,
        });
        await db.SaveChangesAsync();
        await new AccountAdministration(db, TimeProvider.System).AddUserAsync("current.staff@example.org", Roles.ProviderStaff, org.Id, Actor.CommandLine);

        // As a database that was migrated before the repair: step back to just before it, then up again.
        var migrations = db.Database.GetMigrations().ToList();
        var repair = migrations.FindIndex(m => m.EndsWith("_PublishNoStaffAssurerEmails", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[repair - 1]);
        await migrator.MigrateAsync();

        var assurers = await db.Services.AsNoTracking().Where(x => x.OrganizationId == org.Id).ToDictionaryAsync(x => x.Name, x => x.AssurerEmail);
        Assert.Equal(OrganisationEmail, assurers["Checked in Waymark"]);
        Assert.Equal(OrganisationEmail, assurers["Names a staff account"]);
        Assert.Equal("assurance@feed.example.org", assurers["From a feed"]);
    }

    [Fact]
    public async Task Without_an_organisation_address_the_services_own_contact_address_is_published()
    {
        var (org, service, _) = await app.AddOrganisationAsync("Ryedale Walk and Talk");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var url = $"/provider/services/{service.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.SubmitAsync(url, [], formAction: $"{url}?handler=Check")).Status);

        using var client = app.CreateClient();
        using var record = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/oruk/services/{service.Id}", UriKind.Relative)));
        Assert.Equal(service.Email, record.RootElement.GetProperty("assurer_email").GetString());
        Assert.DoesNotContain(staff.Account.Email, record.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}
