using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Matching;
using Waymark.Tests.Infrastructure;
using Waymark.Tests.Match;

namespace Waymark.Tests.Pages.Provider;

/// <summary>
/// Saves in the provider pages reach search by patching the snapshot: once, without a full reload. How fast is measured
/// by the benchmark (<c>--edit-to-search</c>, docs/benchmarks.md), not here: a wall-clock limit fails on a loaded machine.
/// </summary>
public sealed class EditorReachesSearchTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const double Lat = 53.7196;
    private const double Lon = -1.8568;

    [Fact]
    public async Task A_saved_edit_reaches_search_by_one_patch_and_no_reload()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var index = app.Services.GetRequiredService<DirectoryIndex>();
        index.DirectoryChanged([service.Id]); // arranged straight into the database
        await SearchProbe.SettledAsync(index);
        var (fullLoads, patches) = (index.FullLoads, index.Patches);

        var saved = await staff.Browser.SubmitAsync($"/provider/services/{service.Id}",
            [new("Input.Name", "Renamed evening group"), new("Input.Description", "A group."), new("Input.Status", "active"), new("Input.Terms", "format:group")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var (held, _) = await SearchProbe.UntilAsync(() => SearchProbe.Find(index.Current, service.Id, Lat, Lon)?.Name == "Renamed evening group", TimeSpan.FromSeconds(15));
        Assert.True(held, "the edit never reached search");
        // Its own NOTIFY (PostgreSQL) or change-log row (SQLite) comes back to this node too: it must not apply it again.
        await SearchProbe.SettledAsync(index);
        Assert.Equal(fullLoads, index.FullLoads);
        Assert.Equal(patches + 1, index.Patches);
    }

    [Fact]
    public async Task Withdrawing_a_service_takes_it_out_of_search()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var index = app.Services.GetRequiredService<DirectoryIndex>();
        index.DirectoryChanged([service.Id]); // arranged straight into the database
        await SearchProbe.SettledAsync(index);
        Assert.NotNull(SearchProbe.Find(index.Current, service.Id, Lat, Lon));

        var saved = await staff.Browser.SubmitAsync($"/provider/services/{service.Id}",
            [new("Input.Name", service.Name), new("Input.Description", "A group."), new("Input.Status", "inactive"), new("Input.Terms", "format:group")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        Assert.True((await SearchProbe.UntilAsync(() => SearchProbe.Find(index.Current, service.Id, Lat, Lon) is null, TimeSpan.FromSeconds(15))).Held);
    }

    [Fact]
    public async Task Renaming_the_organisation_reaches_its_services_in_search()
    {
        var (org, service, _) = await app.AddOrganisationAsync("Old Name Peer Support");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var index = app.Services.GetRequiredService<DirectoryIndex>();
        index.DirectoryChanged([service.Id]); // arranged straight into the database
        await SearchProbe.SettledAsync(index);
        var fullLoads = index.FullLoads;

        var saved = await staff.Browser.SubmitAsync($"/provider/organisations/{org.Id}",
            [new("Input.Name", "New Name Peer Support"), new("Input.Description", "Peer support groups in Calderdale."), new("Input.Email", ""), new("Input.Website", "")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        Assert.True((await SearchProbe.UntilAsync(
            () => SearchProbe.Find(index.Current, service.Id, Lat, Lon)?.OrganizationName == "New Name Peer Support", TimeSpan.FromSeconds(15))).Held);
        Assert.Equal(fullLoads, index.FullLoads);
    }
}
