using System.Net;
using System.Text.Json;
using Waymark.Core.Directory;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Match;

/// <summary>
/// The people of issue 12 searching the sample directory as a newcomer's app holds it: each must get results they can
/// use, not the "wrong door" (a service for another area, or for another organisation's own people).
/// </summary>
public sealed class PersonaTests(SampleWaymarkApp app) : IClassFixture<SampleWaymarkApp>
{
    /// <summary>The sample's organisations have ids of uuid5(the Waymark namespace, "organization:" + key).</summary>
    private static Guid Organisation(string key) => Vocabulary.Uuid5(Vocabulary.TaxonomyId, "organization:" + key);

    private async Task<List<(string Name, string Organisation)>> ResultsAsync(string query)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri("/api/v1/match?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("name").GetString()!, r.GetProperty("organization").GetProperty("name").GetString()!))];
    }

    [Fact]
    public async Task Help_now_near_Hull_at_half_past_seven_puts_Hulls_own_lines_first_and_nothing_for_other_areas()
    {
        // What /need-help-now asks, on Wednesday 2 December 2026 at 7:30pm.
        var results = await ResultsAsync("near=Hull&open_now=true&urgency=now&prefer=delivery:phone,delivery:text&at=2026-12-02T19:30");
        var names = results.Select(r => r.Name).ToList();

        Assert.DoesNotContain("Five Towns Listening Line", names);
        Assert.DoesNotContain("The Snug Crisis Café", names);
        Assert.DoesNotContain("Lantern Crisis Café", names);
        Assert.Contains("Humber 24-Hour Mental Health Line", names);
        string[] national = ["Samaritans", "Shout", "NHS 111 mental health option", "CALM helpline", "PAPYRUS HOPELINE247"];
        Assert.Contains(names, national.Contains);
        Assert.All(names.Where(national.Contains), n => Assert.True(names.IndexOf(n) > names.IndexOf("Humber 24-Hour Mental Health Line"), n));
    }

    [Fact]
    public async Task A_shift_worker_near_Skipton_does_not_get_another_employers_staff_helpline()
    {
        var results = await ResultsAsync("near=Skipton&within_km=30&circumstances=employee&when=weekday-evening,weekend&limit=50");
        var urgent = await ResultsAsync("near=Skipton&circumstances=employee&urgency=now&limit=50");

        Assert.NotEmpty(results);
        Assert.DoesNotContain(results.Concat(urgent), r => r.Organisation == "Don Valley Rail Engineering Ltd");
        Assert.DoesNotContain(results.Concat(urgent), r => r.Name is "Employee Assistance Line" or "Colleague Support Line" or "Staff Counselling");
    }

    [Fact]
    public async Task A_student_in_Sheffield_gets_their_own_universitys_counselling_and_never_a_York_universitys()
    {
        var said = await ResultsAsync("near=Sheffield&circumstances=student&delivery=online&limit=50");
        var ownUniversity = await ResultsAsync($"near=Sheffield&circumstances=student&member_of={Organisation("porterbrook")}&limit=50");
        // Even naming the York university: its counselling is for people living in York.
        var namingYork = await ResultsAsync($"near=Sheffield&circumstances=student&member_of={Organisation("ousefoss")}&delivery=online&limit=50");

        Assert.DoesNotContain(said.Concat(ownUniversity).Concat(namingYork), r => r.Organisation == "Ouse and Foss University");
        Assert.DoesNotContain(said, r => r.Organisation == "Porter Brook University");
        Assert.Contains(("Student Counselling Service", "Porter Brook University"), ownUniversity);
        // A student is not let into the university's staff service.
        Assert.DoesNotContain(("Staff Wellbeing and Counselling", "Porter Brook University"), ownUniversity);
    }

    [Fact]
    public async Task The_journey_offers_the_universities_and_employers_with_their_own_support_near_the_person()
    {
        using var client = app.CreateClient();

        var sheffield = await HtmlPage.GetAsync(client, "/find/you?near=Sheffield");
        var skipton = await HtmlPage.GetAsync(client, "/find/you?near=Skipton");

        var offered = sheffield.Document.QuerySelectorAll("input[name='member_of']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains(Organisation("porterbrook").ToString(), offered);
        Assert.DoesNotContain(Organisation("ousefoss").ToString(), offered);
        Assert.DoesNotContain(Organisation("donvalleyrail").ToString(), offered);
        Assert.Contains("Do you study or work somewhere that offers its own support?", sheffield.Text("#find-step"), StringComparison.Ordinal);
        Assert.Empty(skipton.Document.QuerySelectorAll("input[name='member_of']"));

        var results = await HtmlPage.GetAsync(client, $"/find/results?near=Sheffield&circumstances=student&member_of={Organisation("porterbrook")}&limit=50");
        Assert.Contains("Studies or works at Porter Brook University", results.Text("#you-said"), StringComparison.Ordinal);
        Assert.Contains(results.Document.QuerySelectorAll("#results h2"), h => h.TextContent == "Student Counselling Service");
    }
}
