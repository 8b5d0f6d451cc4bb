using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Commissioning;

/// <summary>
/// A commissioner reaches no page or API that shows a person: every route the app has (read from its endpoint data
/// source, so a new page is walked without anyone adding it here) is asked for with a commissioner's cookie, with
/// every route value filled by the ids of a real person's referral, and no answer may carry that person's details.
/// </summary>
public sealed class NeverAPersonTests
{
    private const string Story = "Zanzibar lighthouse story 4471";
    private const string Name = "Zebedee Quist";
    private const string PersonEmail = "zebedee.quist@example.org";
    private const string Phone = "07700 900 461";
    private const string DeclineNote = "Told Zebedee we are full until spring 8812";

    [Fact]
    public async Task No_route_shows_a_commissioner_a_persons_details_or_story()
    {
        using var app = new AccountsApp();
        var (org, service) = await app.AddReferrableServiceAsync();
        using var person = await app.SignUpAsync(PersonEmail);
        var sent = await person.Browser.SendSelfReferralAsync(service.Id, ReferralBuilders.SelfReferralFields(Story, "Email", Name, PersonEmail, Phone));
        var referralId = ReferralBuilders.ConfirmationId(sent, service.Id);
        // Declined with a reason from the list and a note in the service's words: the note is the referral's parties' alone.
        using (var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id))
        {
            var declined = await staff.Browser.SubmitAsync($"/provider/referrals/{referralId}", [new("To", "Declined"), new("ReasonForDeclined", "NoCapacity"), new("Reason", DeclineNote)]);
            Assert.Equal(HttpStatusCode.Redirect, declined.Status);
        }
        using var commissioner = await app.SignInAsStaffAsync(Roles.Commissioner, areas: ["Calderdale"]);

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["referral"] = referralId.ToString(), ["referralId"] = referralId.ToString(),
            ["service"] = service.Id.ToString(), ["serviceId"] = service.Id.ToString(),
            ["organisation"] = org.Id.ToString(), ["organisationId"] = org.Id.ToString(), ["org"] = org.Id.ToString(), ["orgId"] = org.Id.ToString(),
            ["user"] = person.UserId.ToString(), ["userId"] = person.UserId.ToString(), ["person"] = person.UserId.ToString(),
        };
        Guid[] ids = [referralId, service.Id, org.Id, person.UserId];
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => Urls(e.RoutePattern, values, ids))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/commissioning", routes);
        Assert.Contains($"/navigator/referrals/{referralId}", routes);
        Assert.Contains($"/provider/referrals/{referralId}", routes);
        Assert.True(routes.Count > 60, $"only {routes.Count} routes found");

        // The downloads are handlers on those routes, so they are asked for by name.
        string[] downloads = ["/commissioning?handler=csv", "/commissioning/unmet-need?handler=csv", "/commissioning/waits?handler=csv",
            "/commissioning/waits?handler=oruk&area=E08000033", $"/commissioning/waits?handler=oruk&service={service.Id}"];
        routes.InsertRange(0, downloads);
        Assert.Contains("/commissioning/waits", routes);
        // The referral is counted where a commissioner can see it, so the walk looked where a leak would be.
        var waits = await commissioner.Browser.GetAsync("/commissioning/waits");
        Assert.Equal("fewer than 8", waits.Text("#outcomes-table tr[data-measure=declined_no_capacity] td[data-code=E08000033]"));
        var leaks = new List<string>();
        // Exit-this-page ends the session; it shows nothing, so it is asked for last.
        foreach (var url in routes.OrderBy(u => u == "/exit"))
        {
            if (url == "/exit")
            {
                // Still signed in as the commissioner after every other route, so each was asked for as one.
                Assert.Equal(HttpStatusCode.OK, (await commissioner.Browser.GetAsync("/commissioning")).Status);
            }
            using var response = await commissioner.Browser.Client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var marker in new[] { Story, Name, PersonEmail, Phone, "07700900461", DeclineNote, "Zebedee" })
            {
                if (body.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    leaks.Add($"{url} ({(int)response.StatusCode}) shows '{marker}'");
                }
            }
        }

        Assert.Empty(leaks);
        Assert.Contains("/exit", routes);
        // And the walk reached the person's own pages as the person, so the markers are there to be found.
        var own = await person.Browser.GetAsync("/my/referrals");
        Assert.Contains(service.Name, own.Html, StringComparison.Ordinal);
        Assert.Contains(DeclineNote, own.Html, StringComparison.Ordinal);
    }

    /// <summary>The URLs of a route: each parameter filled with the id its name asks for, else with each of the ids in turn.</summary>
    private static IEnumerable<string> Urls(RoutePattern pattern, Dictionary<string, string> values, Guid[] ids)
    {
        IEnumerable<string> urls = [""];
        foreach (var segment in pattern.PathSegments)
        {
            IEnumerable<string> texts = [""];
            foreach (var part in segment.Parts)
            {
                IReadOnlyList<string> options = part switch
                {
                    RoutePatternLiteralPart l => [l.Content],
                    RoutePatternSeparatorPart s => [s.Content],
                    RoutePatternParameterPart p when values.TryGetValue(p.Name, out var v) => [v],
                    RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content == "int" || x.Content == "int?") => ["404"],
                    RoutePatternParameterPart p => [.. ids.Select(i => i.ToString()), .. p.IsOptional ? new[] { "" } : ["x"]],
                    _ => [""],
                };
                texts = [.. texts.SelectMany(t => options.Select(o => t + o))];
            }
            urls = [.. urls.SelectMany(u => texts.Select(t => t.Length == 0 ? u : u + "/" + t))];
        }
        return urls.Select(u => u.Length == 0 ? "/" : u);
    }
}
