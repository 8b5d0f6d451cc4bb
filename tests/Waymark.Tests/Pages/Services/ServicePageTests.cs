using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Services;

/// <summary>/services/{id}: what to expect, from a listing built in the test's own database.</summary>
public sealed class ServicePageTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    /// <summary>Sunday 29 November 2026, midday UK time.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private async Task<HtmlPage> GetAsync(string path)
    {
        using var atTime = app.AtTime(new FixedClock(Now));
        using var client = atTime.CreateClient();
        return await HtmlPage.GetAsync(client, path);
    }

    private static string Fact(HtmlPage page, string id) => page.Text($"#fact-{id} dd");

    [Fact]
    public async Task The_page_says_what_to_expect_in_words()
    {
        var counselling = new ServiceBuilder("Evening counselling")
            .Opens("TU", "18:00", "20:00")
            .WithTerm("delivered-by:counsellor").WithTerm("format:one-to-one").WithTerm("delivery:phone")
            .WithTerm("expect:session-minutes", "50").WithTerm("expect:frequency", "weekly").WithTerm("expect:sessions", "6")
            .WithTerm("expect:first-contact", "A short phone call to talk about what you need.")
            .WithTerm("expect:typical-wait-days", "21")
            .WithTerm("access:self-referral").WithTerm("access:gp-referral")
            .WithTerm("access-needs:wheelchair").WithTerm("access-needs:bsl")
            .WithTerm("schedule:closed-bank-holidays")
            .WithTerm("audience:women")
            .Ages(18, null);
        var service = counselling.Build();
        service.AssuredDate = new DateOnly(2026, 9, 10);
        // The builder's default session length is replaced by this listing's own.
        service.Attributes.RemoveAll(a => a.TaxonomyTermId == Vocabulary.TermId("expect:session-minutes") && a.Value == "60");
        await app.AddServicesAsync(counselling);

        var page = await GetAsync($"/services/{counselling.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Evening counselling", page.Text("h1"));
        Assert.Equal("Counsellors", Fact(page, "who"));
        Assert.Equal("One-to-one and group", Fact(page, "format"));
        Assert.Equal("In person and by phone", Fact(page, "delivery"));
        Assert.Equal("About 50 minutes", Fact(page, "length"));
        Assert.Equal("Once a week", Fact(page, "often"));
        Assert.Equal("6 sessions", Fact(page, "sessions"));
        Assert.Equal("A short phone call to talk about what you need.", Fact(page, "first"));
        Assert.Equal("About 3 weeks — the service’s own estimate", Fact(page, "wait"));
        Assert.Equal("Free", Fact(page, "cost"));
        Assert.Equal("Wheelchair accessible and British Sign Language", Fact(page, "access-needs"));
        Assert.Equal("English", Fact(page, "languages"));
        Assert.Contains("People aged 18 and over", Fact(page, "for"), StringComparison.Ordinal);
        Assert.Contains("Designed for women", Fact(page, "for"), StringComparison.Ordinal);

        var ways = page.Document.QuerySelectorAll("#access-ways li").Select(li => li.TextContent).ToList();
        Assert.Equal(["You can refer yourself.", "Your GP can refer you."], ways);
        Assert.NotNull(page.Document.QuerySelector("#contacts a[href='tel:01140000000']"));
        Assert.NotNull(page.Document.QuerySelector("#contacts a[href='mailto:reception@example.org']"));
        var website = page.Document.QuerySelector("#contacts a.external-link")!;
        Assert.Equal(service.Url, website.GetAttribute("href"));
        Assert.Contains("noreferrer", website.GetAttribute("rel"), StringComparison.Ordinal);

        Assert.Equal(["Tuesdays, 6pm to 8pm", "Closed on bank holidays"], page.Document.QuerySelectorAll("#times li").Select(li => li.TextContent));
        Assert.Equal("Next open Tuesday at 6pm", page.Text("#open-now"));
        var place = page.Text("#places");
        Assert.Contains("1 Fargate", place, StringComparison.Ordinal);
        Assert.Contains("S1 2HE", place, StringComparison.Ordinal);
        Assert.Contains("Step-free entrance", place, StringComparison.Ordinal);

        Assert.Equal($"/organisations/{service.OrganizationId}", page.Document.QuerySelector("#who-runs-it + p a")!.GetAttribute("href"));
        Assert.Equal("Listing last checked 2 months ago, on 10 September 2026", page.Text("#last-checked"));
        Assert.Null(page.Document.GetElementById("stale-warning"));
        Assert.Null(page.Document.GetElementById("status-warning"));
        Assert.False(page.Response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_page_says_which_areas_a_service_covers_and_whose_people_it_is_only_for()
    {
        var line = new ServiceBuilder("Campus night line").WithTerm("eligibility:members-only").WithTerm("eligibility:students-only").WithTerm("audience:students");
        line.Build().ServiceAreas =
        [
            new ServiceArea { Id = Guid.NewGuid(), ServiceId = line.Id, Name = "Hull", ExtentType = "local_authority", Description = "Hull" },
            new ServiceArea { Id = Guid.NewGuid(), ServiceId = line.Id, Name = "East Riding", ExtentType = "local_authority", Description = "E06000011" },
        ];
        var everywhere = new ServiceBuilder("National line");
        everywhere.Build().ServiceAreas = [new ServiceArea { Id = Guid.NewGuid(), ServiceId = everywhere.Id, Name = "England", ExtentType = "national", Description = "England" }];
        await app.AddServicesAsync(line, everywhere);

        var page = await GetAsync($"/services/{line.Id}");
        var national = await GetAsync($"/services/{everywhere.Id}");

        Assert.Equal("For people who live in Kingston upon Hull or the East Riding of Yorkshire", Fact(page, "area"));
        // No "others may be welcome": others may not use it.
        Assert.Equal("Students only. Only for people who study or work at Campus night line Trust. Designed for students", Fact(page, "for"));
        Assert.Null(national.Document.GetElementById("fact-area"));
    }

    [Theory]
    [InlineData("TU", "Once a week")]
    [InlineData("TU,TH", "Twice a week")]
    [InlineData("MO,WE,FR", "3 times a week")]
    public async Task Once_a_week_is_said_only_of_a_group_that_meets_once_a_week(string days, string often)
    {
        var group = new ServiceBuilder("Weekly group " + days).Opens(days, "18:00", "20:00").WithTerm("expect:frequency", "weekly");
        await app.AddServicesAsync(group);

        var page = await GetAsync($"/services/{group.Id}");

        Assert.Equal(often, Fact(page, "often"));
    }

    [Fact]
    public async Task A_listing_not_checked_for_a_year_is_still_reachable_and_says_it_is_left_out_of_search()
    {
        var expired = new ServiceBuilder("Expired listing");
        expired.Build().AssuredDate = new DateOnly(2025, 6, 1);
        await app.AddServicesAsync(expired);

        var page = await GetAsync($"/services/{expired.Id}");

        Assert.StartsWith("This listing has not been checked for 17 months, so we no longer show it in search results", page.Text("#stale-warning"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pause_on_new_referrals_shows_until_its_end_date_and_not_after()
    {
        var paused = new ServiceBuilder("Paused counselling");
        var ended = new ServiceBuilder("Pause ended");
        await app.AddServicesAsync(paused, ended);
        using (var db = app.OpenDb())
        {
            db.Set<ServiceNotice>().AddRange(
                new ServiceNotice { Id = Guid.NewGuid(), ServiceId = paused.Id, Kind = ServiceNoticeKinds.NotTakingReferrals, From = new DateOnly(2026, 11, 1), Until = new DateOnly(2027, 1, 5), SetBy = "test", SetAt = Now },
                new ServiceNotice { Id = Guid.NewGuid(), ServiceId = ended.Id, Kind = ServiceNoticeKinds.NotTakingReferrals, From = new DateOnly(2026, 10, 1), Until = new DateOnly(2026, 11, 1), SetBy = "test", SetAt = Now });
            await db.SaveChangesAsync();
        }

        var pausedPage = await GetAsync($"/services/{paused.Id}");
        var endedPage = await GetAsync($"/services/{ended.Id}");

        Assert.Equal("Not taking new referrals until 5 January 2027", pausedPage.Text("#referrals-notice h2"));
        Assert.Null(endedPage.Document.GetElementById("referrals-notice"));
    }

    [Fact]
    public async Task A_listing_not_checked_for_over_six_months_is_flagged()
    {
        var old = new ServiceBuilder("Old listing");
        old.Build().AssuredDate = new DateOnly(2026, 3, 20);
        await app.AddServicesAsync(old);

        var page = await GetAsync($"/services/{old.Id}");

        Assert.StartsWith("This listing has not been checked for 8 months — details may have changed", page.Text("#stale-warning"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Costs_waits_and_hours_say_what_the_listing_says_and_admit_what_it_does_not()
    {
        var paid = new ServiceBuilder("Paid counselling").WithTerm("delivery:phone");
        var service = paid.Build();
        service.CostOptions[0].Amount = 25;
        service.CostOptions[0].Option = "Each session";
        service.Schedules.Clear();
        service.Attributes.RemoveAll(a => a.TaxonomyTermId == Vocabulary.TermId("delivery:in-person"));
        service.ServiceAtLocations.Clear();
        await app.AddServicesAsync(paid);

        var page = await GetAsync($"/services/{paid.Id}");

        Assert.Equal("£25 — Each session", Fact(page, "cost"));
        Assert.Equal("Not known — ask the service", Fact(page, "wait"));
        Assert.Equal(["Contact them for times"], page.Document.QuerySelectorAll("#times li").Select(li => li.TextContent));
        Assert.Equal("Contact them for times", page.Text("#open-now"));
        Assert.Equal("You take part by phone, text or online, so you don’t need to travel.", page.Text("#no-travel"));
    }

    [Fact]
    public async Task A_24_hour_service_says_so()
    {
        var line = new ServiceBuilder("Night and day line").Opens("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59");
        await app.AddServicesAsync(line);

        var page = await GetAsync($"/services/{line.Id}");

        Assert.Equal(["24 hours, every day"], page.Document.QuerySelectorAll("#times li").Select(li => li.TextContent));
        Assert.Equal("Open now, 24 hours", page.Text("#open-now"));
    }

    [Theory]
    [InlineData(ServiceStatus.TemporarilyClosed, "This service is temporarily closed")]
    [InlineData(ServiceStatus.Defunct, "This service has closed down")]
    [InlineData(ServiceStatus.Inactive, "This service is not running at the moment")]
    public async Task A_service_that_is_not_running_is_still_reachable_and_clearly_marked(string status, string heading)
    {
        var closed = new ServiceBuilder("Closed group " + status).Status(status);
        closed.Build().Alert = "Closed while we move to a new building.";
        await app.AddServicesAsync(closed);

        var page = await GetAsync($"/services/{closed.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        var warning = page.Document.GetElementById("status-warning")!;
        Assert.Equal(heading, warning.QuerySelector("h2")!.TextContent);
        Assert.Contains("Closed while we move to a new building.", warning.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/services/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("/services/not-a-uuid")]
    [InlineData("/services/123")]
    public async Task An_unknown_or_malformed_id_is_a_404_page(string path)
    {
        var page = await GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, page.Response.StatusCode);
        Assert.Equal("Page not found", page.Text("h1"));
    }
}
