using System.Net;
using Waymark.Core.Accounts;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Referrals;

/// <summary>A navigator finds a service to refer to by name, by place (through the public matcher), or both, and can refer from the public results.</summary>
public sealed class NavigatorFindTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static readonly (double, double) Halifax = (53.7200, -1.8550);
    private static readonly (double, double) Whitby = (54.4860, -0.6150);

    [Fact]
    public async Task By_place_lists_services_near_there_and_a_name_narrows_them()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, near) = await app.AddServiceAtAsync($"Calder Listening {tag}", Halifax, "access:self-referral", "delivery:in-person");
        var (_, nearOther) = await app.AddServiceAtAsync($"Shibden Art Group {tag}", Halifax, "access:self-referral", "delivery:in-person");
        var (_, far) = await app.AddServiceAtAsync($"Coastal Listening {tag}", Whitby, "access:self-referral", "delivery:in-person");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);

        var byPlace = await navigator.Browser.GetAsync("/navigator/refer?near=Halifax");
        Assert.Equal(HttpStatusCode.OK, byPlace.Status);
        Assert.Contains("Halifax", byPlace.Text("#searched"), StringComparison.Ordinal);
        Assert.NotNull(byPlace.Document.QuerySelector($"#services a[href='/navigator/refer/{near}']"));
        Assert.NotNull(byPlace.Document.QuerySelector($"#services a[href='/navigator/refer/{nearOther}']"));
        Assert.Null(byPlace.Document.QuerySelector($"#services a[href='/navigator/refer/{far}']"));

        var both = await navigator.Browser.GetAsync($"/navigator/refer?q=listening+{tag}&near=Halifax");
        Assert.NotNull(both.Document.QuerySelector($"#services a[href='/navigator/refer/{near}']"));
        Assert.Null(both.Document.QuerySelector($"#services a[href='/navigator/refer/{nearOther}']"));
        Assert.Null(both.Document.QuerySelector($"#services a[href='/navigator/refer/{far}']"));

        // By name alone, as before: wherever the service is.
        var byName = await navigator.Browser.GetAsync($"/navigator/refer?q=listening+{tag}");
        Assert.NotNull(byName.Document.QuerySelector($"#services a[href='/navigator/refer/{near}']"));
        Assert.NotNull(byName.Document.QuerySelector($"#services a[href='/navigator/refer/{far}']"));
    }

    [Fact]
    public async Task A_place_we_do_not_know_shows_the_form_again_with_an_error_and_400()
    {
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);

        var page = await navigator.Browser.GetAsync("/navigator/refer?q=listening&near=Nowhereville-on-Sea");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["#Near"], page.ErrorSummaryLinks());
        Assert.NotNull(page.Document.QuerySelector("#Near-error"));
        Assert.Equal("Nowhereville-on-Sea", page.Document.QuerySelector("#Near")!.GetAttribute("value"));
        Assert.Null(page.Document.QuerySelector("#services"));
    }

    [Fact]
    public async Task A_misspelt_or_repeated_place_offers_the_places_as_searches_of_their_own()
    {
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);

        var misspelt = await navigator.Browser.GetAsync("/navigator/refer?q=listening&near=Kettlewel");
        Assert.Equal(HttpStatusCode.BadRequest, misspelt.Status);
        Assert.Contains("postcode", misspelt.Text("#Near-error"), StringComparison.Ordinal);
        Assert.Equal("/navigator/refer?q=listening&near=Kettlewell", misspelt.Document.QuerySelector("#near-choices a")!.GetAttribute("href"));

        var repeated = await navigator.Browser.GetAsync("/navigator/refer?near=Newton");
        Assert.Equal(HttpStatusCode.BadRequest, repeated.Status);
        var links = repeated.Document.QuerySelectorAll("#near-choices a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/navigator/refer?near=Newton,%20Rugby", links);

        var chosen = await navigator.Browser.GetAsync("/navigator/refer?near=Newton,%20Rugby");
        Assert.Equal(HttpStatusCode.OK, chosen.Status);
        Assert.Contains("Newton, Rugby", chosen.Text("#searched"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_results_offer_navigators_a_refer_link_and_nobody_else()
    {
        var (_, service) = await app.AddServiceAtAsync($"Halifax Peer Group {Guid.NewGuid():N}", Halifax, "access:self-referral", "delivery:in-person");
        const string results = "/find/results?near=Halifax&limit=50";
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);

        var asNavigator = await navigator.Browser.GetAsync(results);
        Assert.NotNull(asNavigator.Document.QuerySelector($"#result-{service} a.result__refer[href='/navigator/refer/{service}']"));

        var anonymous = await Browser.For(app).GetAsync(results);
        Assert.NotNull(anonymous.Document.QuerySelector($"#result-{service}"));
        Assert.Null(anonymous.Document.QuerySelector(".result__refer"));
        Assert.Null((await moderator.Browser.GetAsync(results)).Document.QuerySelector(".result__refer"));
    }

    [Fact]
    public async Task Only_navigators_reach_the_search()
    {
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        var page = await moderator.Browser.GetAsync("/navigator/refer?near=Halifax");
        Assert.NotEqual(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("#services"));
    }
}
