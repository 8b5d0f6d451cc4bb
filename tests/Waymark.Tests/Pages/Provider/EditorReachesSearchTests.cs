using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Matching;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Provider;

public sealed class SearchWiredApp : AccountsApp
{
    protected override bool CountsNotifications => false;
}

public sealed class EditorReachesSearchTests(SearchWiredApp app) : IClassFixture<SearchWiredApp>
{
    [Fact]
    public async Task A_saved_edit_reaches_the_search_snapshot_within_a_second()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var index = app.Services.GetRequiredService<DirectoryIndex>();

        var saved = await staff.Browser.SubmitAsync($"/provider/services/{service.Id}",
            [new("Input.Name", "Renamed evening group"), new("Input.Description", "A group."), new("Input.Status", "active"), new("Input.Terms", "format:group")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var clock = Stopwatch.StartNew();
        while (!index.Current.Services.Any(s => s.Id == service.Id && s.Name == "Renamed evening group") && clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(20);
        }
        Assert.Contains(index.Current.Services, s => s.Id == service.Id && s.Name == "Renamed evening group");
    }
}
