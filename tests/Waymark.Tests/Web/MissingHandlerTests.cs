using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Web;

/// <summary>
/// Every Razor page, asked with a method or a handler it does not have (POST to a GET-only page, an unknown
/// <c>?handler=</c>, PUT, DELETE, PATCH), answers 404 or 405 — never 500 — signed in with every staff role and an
/// authenticator, with a valid antiforgery token, so each request reaches the page itself.
/// </summary>
public sealed partial class MissingHandlerTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task A_post_to_the_listing_preview_is_405_not_500()
    {
        var (org, service, _) = await app.AddOrganisationAsync("Preview Posters");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderAdmin, org.Id);
        var token = (await staff.Browser.GetAsync("/account/sign-out")).AntiforgeryToken();

        var page = await staff.Browser.PostAsync($"/provider/services/{service.Id}/preview", token, []);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, page.Status);
    }

    [Fact]
    public async Task Every_page_answers_a_method_or_handler_it_lacks_with_404_or_405()
    {
        var (org, service, location) = await app.AddOrganisationAsync("Method Walkers");
        using var staff = await SignInWithEveryRoleAsync();
        var token = (await staff.Browser.GetAsync("/account/sign-out")).AntiforgeryToken();
        var pages = await PagesAsync();
        Assert.Contains(pages, p => p.Route == "provider/services/{id:guid}/preview");

        var failures = new List<string>();
        var tried = 0;
        foreach (var (route, handlers) in pages)
        {
            var path = "/" + Fill(route, service.Id, location.Id, org.Id);
            foreach (var request in Lacking(path, handlers))
            {
                tried++;
                using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Url, UriKind.Relative));
                if (request.Method != "GET")
                {
                    message.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
                }
                using var response = await staff.Browser.Client.SendAsync(message);
                if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed))
                {
                    failures.Add($"{request.Method} {request.Url} → {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(tried > 100, $"only {tried} requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Still signed in: nothing above ran a real handler.
        Assert.Equal(HttpStatusCode.OK, (await staff.Browser.GetAsync("/provider")).Status);
    }

    [Fact]
    public async Task A_405_says_which_methods_the_page_has()
    {
        using var browser = Browser.For(app);
        var token = (await browser.GetAsync("/account/sign-in")).AntiforgeryToken();
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri("/account/sign-in", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };

        using var response = await browser.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "POST"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The requests a page has no handler for. Razor Pages gives any handler name to an unnamed handler of the method,
    /// so a method with an unnamed handler is the page's own business; a method with only named handlers lacks an
    /// unknown name and no name; a method with no handler lacks everything (a GET page may render with no handler).
    /// </summary>
    private static IEnumerable<(string Method, string Url)> Lacking(string path, List<(string Method, string? Name)> handlers)
    {
        foreach (var method in new[] { "GET", "POST", "PUT", "DELETE", "PATCH" })
        {
            var mine = handlers.Where(h => h.Method == method).ToList();
            if (mine.Any(h => h.Name is null))
            {
                continue;
            }
            yield return (method, path + "?handler=NoSuchHandler");
            if (mine.Count > 0 || method != "GET")
            {
                yield return (method, path);
            }
        }
    }

    private async Task<StaffSession> SignInWithEveryRoleAsync()
    {
        // An admin who also holds every other role reaches every staff folder and the pages only people use.
        var account = await app.AddUserAsync(Roles.Admin);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
            var user = await users.FindByEmailAsync(account.Email);
            Assert.True((await users.AddToRolesAsync(user!, [Roles.Navigator, Roles.Moderator, Roles.Commissioner, Roles.PeerSupporter, Roles.Person])).Succeeded);
        }
        var browser = Browser.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(account.SetPasswordPath, [new("Password", AccountsApp.GoodPassword)])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/account/sign-in", [new("Input.Email", account.Email), new("Input.Password", AccountsApp.GoodPassword)])).Status);
        var setup = await browser.GetAsync("/account/authenticator");
        var key = setup.Text("#authenticator-key");
        var done = await browser.PostAsync("/account/authenticator", setup.AntiforgeryToken(), [new("Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        return new StaffSession(browser, account, key, []);
    }

    private async Task<List<(string Route, List<(string Method, string? Name)> Handlers)>> PagesAsync()
    {
        var descriptors = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var pages = new List<(string, List<(string, string?)>)>();
        foreach (var descriptor in descriptors.Where(d => d.AttributeRouteInfo?.Template is not null).DistinctBy(d => d.AttributeRouteInfo!.Template))
        {
            var compiled = await loader.LoadAsync(descriptor, new EndpointMetadataCollection());
            pages.Add((descriptor.AttributeRouteInfo!.Template!, [.. compiled.HandlerMethods.Select(h => (h.HttpMethod.ToUpperInvariant(), h.Name))]));
        }
        return pages;
    }

    /// <summary>Puts real ids in the route's parameters ({id:guid}, {serviceId:guid}, {locationId:guid}, {status:int}, {step?}).</summary>
    private static string Fill(string route, Guid service, Guid location, Guid org) => Parameter().Replace(route, m =>
    {
        var name = m.Groups["name"].Value;
        var constraint = m.Groups["constraint"].Value;
        return constraint.Contains("int", StringComparison.Ordinal) ? "404"
            : name.Contains("location", StringComparison.OrdinalIgnoreCase) ? location.ToString()
            : route.StartsWith("provider/organisations", StringComparison.Ordinal) || route.StartsWith("organisations", StringComparison.Ordinal) || route.StartsWith("admin", StringComparison.Ordinal) ? org.ToString()
            : constraint.Contains("guid", StringComparison.Ordinal) ? service.ToString()
            : "where";
    });

    [GeneratedRegex(@"\{(?<name>\w+)(?<constraint>:[^}?]+)?\??\}")]
    private static partial Regex Parameter();
}
