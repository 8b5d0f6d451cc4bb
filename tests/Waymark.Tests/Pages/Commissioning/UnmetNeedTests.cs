using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Insights;
using Waymark.Core.Schedules;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Commissioning;

/// <summary>/commissioning/unmet-need: searches that found nothing, by area and week, small counts hidden.</summary>
public sealed class UnmetNeedTests
{
    [Fact]
    public async Task Searches_that_found_nothing_show_by_week_with_small_counts_hidden_and_not_derivable()
    {
        using var app = new AccountsApp();
        var today = UkTime.DateOf(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var lastWeek = today.AddDays(-7);
        await using (var db = app.OpenDb())
        {
            db.UnmetNeeds.AddRange(
                new UnmetNeed { LocalAuthority = "Calderdale", Day = today, Constraints = "near", Searches = 3 },
                new UnmetNeed { LocalAuthority = "Calderdale", Day = lastWeek, Constraints = "near", Searches = 30 },
                new UnmetNeed { LocalAuthority = "Leeds", Day = today, Constraints = "delivery,near,when", Searches = 12 },
                new UnmetNeed { LocalAuthority = "Leeds", Day = lastWeek, Constraints = "delivery,near,when", Searches = 9 },
                // Not one of their areas.
                new UnmetNeed { LocalAuthority = "Bradford", Day = today, Constraints = "near", Searches = 50 });
            await db.SaveChangesAsync();
        }
        using var commissioner = await app.SignInAsStaffAsync(Roles.Commissioner, areas: ["Calderdale", "Leeds"]);

        var page = await commissioner.Browser.GetAsync("/commissioning/unmet-need");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("fewer than 8", page.Text("#unmet-table tr[data-code=E08000033] td[data-week='11']"));
        // Leeds's 12 beside the week's total, or Calderdale's 30 beside its row total, would give the 3 away: both hidden.
        Assert.Equal("not shown", page.Text("#unmet-table tr[data-code=E08000035] td[data-week='11']"));
        Assert.Equal("not shown", page.Text("#unmet-table tr[data-code=E08000033] td[data-week='10']"));
        Assert.Equal("33", page.Text("#unmet-table tr[data-code=E08000033] td[data-week='12']"));
        Assert.DoesNotContain("50", page.Text("#unmet-table"), StringComparison.Ordinal);
        Assert.Contains("how (in person, phone, online, text), where they are, when (daytime, evenings, weekends)", page.Text("#often-table"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("svg#unmet-trend"));

        var csv = await commissioner.Browser.Client.GetStringAsync("/commissioning/unmet-need?handler=csv");
        Assert.Contains($"E08000033,Calderdale,{today.AddDays(-(((int)today.DayOfWeek + 6) % 7)):yyyy-MM-dd},", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",3,", csv, StringComparison.Ordinal);
    }
}
