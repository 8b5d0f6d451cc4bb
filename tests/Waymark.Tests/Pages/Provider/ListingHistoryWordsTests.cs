using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Provider;

/// <summary>The app with a clock the test moves: edits are stamped at the instants it chooses.</summary>
public sealed class ClockedAccountsApp : AccountsApp
{
    public MovableClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// A listing's history says what changed in words ("Typical wait", "14 days" → "21 days"), never as stored field names
/// or vocabulary codes, and at UK times: BST in summer, GMT in winter.
/// </summary>
public sealed class ListingHistoryWordsTests(ClockedAccountsApp app) : IClassFixture<ClockedAccountsApp>
{
    private static List<KeyValuePair<string, string>> Form(string wait, string status, string terms) =>
    [
        new("Input.Name", "Tuesday evening peer group"),
        new("Input.Description", "A small group for adults who self-harm, run by people who have been there."),
        new("Input.Status", status),
        new("Input.MinimumAge", "18"),
        new("Input.Phone", "01422 000000"),
        new("Input.Email", "group@example.org"),
        new("Input.TypicalWaitDays", wait),
        new("Input.Frequency", "weekly"),
        new("Input.Terms", terms),
    ];

    [Fact]
    public async Task History_shows_field_names_and_values_in_words_at_UK_times_in_summer_and_winter()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var url = $"/provider/services/{service.Id}";
        var edit = await staff.Browser.GetAsync(url);
        var token = edit.AntiforgeryToken();

        try
        {
            // 14:05 UTC on a summer day is 3:05pm in the UK (BST); on a winter day it is 2:05pm (GMT).
            app.Clock.Now = new DateTimeOffset(2026, 7, 14, 14, 5, 0, TimeSpan.Zero);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await staff.Browser.PostAsync(url, token, Form("14", "active", "format:group"))).Status);
            app.Clock.Now = new DateTimeOffset(2026, 1, 14, 14, 5, 0, TimeSpan.Zero);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await staff.Browser.PostAsync(url, token, Form("21", "temporarily closed", "format:one-to-one"))).Status);
        }
        finally
        {
            app.Clock.Now = DateTimeOffset.UtcNow;
        }

        var page = await staff.Browser.GetAsync(url);
        // Each event as [when, who, what, was, now].
        var rows = page.Document.QuerySelectorAll("#history-list li")
            .Select(li => new[] { li.QuerySelector(".timeline__when")!.ChildNodes[0].TextContent.Trim(), li.QuerySelector(".timeline__who")!.TextContent.Trim() }
                .Concat(li.QuerySelectorAll("dd").Select(dd => dd.TextContent.Trim())).ToArray())
            .ToList();
        Assert.Contains(rows, r => r[0] == "14 July 2026 at 3:05pm" && r[2] == "Typical wait" && r[3] == "Not set" && r[4] == "14 days");
        Assert.Contains(rows, r => r[0] == "14 January 2026 at 2:05pm" && r[2] == "Typical wait" && r[3] == "14 days" && r[4] == "21 days");
        Assert.Contains(rows, r => r[0] == "14 January 2026 at 2:05pm" && r[2] == "Status" && r[3] == "Running" && r[4] == "Temporarily closed");
        Assert.Contains(rows, r => r[0] == "14 January 2026 at 2:05pm" && r[2] == "One-to-one or group" && r[3] == "Group" && r[4] == "One-to-one");
        Assert.Contains(rows, r => r[0] == "14 July 2026 at 3:05pm" && r[2] == "How often" && r[4] == "Once a week");
        Assert.Contains(rows, r => r[0] == "14 July 2026 at 3:05pm" && r[2] == "Youngest age" && r[4] == "18");

        // No stored names or codes anywhere in the history.
        var table = page.Text("#history-list");
        foreach (var code in new[] { "expect:", "typical-wait-days", "format:", "attributes", "minimum_age", "temporarily closed", "UTC" })
        {
            Assert.DoesNotContain(code, table, StringComparison.Ordinal);
        }
    }
}
