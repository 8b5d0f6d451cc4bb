using Waymark.Core.Directory;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Guidance;

/// <summary>The sample directory's universities, colleges and employers, as a newcomer meets them from the guidance pages.</summary>
public sealed class SampleGuidanceTests(SampleWaymarkApp app) : IClassFixture<SampleWaymarkApp>
{
    private static readonly string[] Universities =
    [
        "Aire Valley University", "Bradford Beck University", "Colne Valley University", "Horsforth Hall University",
        "Humber Bank University", "Meanwood University", "Minster Gates University", "Ouse and Foss University",
        "Porter Brook University", "Quarry Hill Conservatoire", "Rivelin University", "Woodhouse Moor Arts University",
    ];

    private static readonly string[] Colleges =
        ["Calder Bank College", "Chantry Bridge College", "Grimsby Haven College", "Rotherham Riverside College", "Town Field College"];

    private static readonly string[] Employers =
    [
        "Aire Logistics Group", "Bowling Beck Textiles Ltd", "Castleford Foods Ltd", "Don Valley Rail Engineering Ltd",
        "Foss Bridge Insurance Ltd", "Humber Wind Services Ltd", "Loxley Edge Steel Ltd",
    ];

    private static Guid Organisation(string key) => Vocabulary.Uuid5(Vocabulary.TaxonomyId, "organization:" + key);

    private async Task<List<string>> OfferedAsync(string path, string form)
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, path);
        return [.. page.Document.QuerySelectorAll($"form#{form} .radios__item")
            .Where(i => i.QuerySelector("input")!.GetAttribute("value") is { Length: > 0 })
            .Select(i => i.QuerySelector("label")!.TextContent.Trim())];
    }

    [Fact]
    public async Task Every_university_and_college_in_the_sample_is_offered_to_students_and_no_employer_is()
    {
        var offered = await OfferedAsync("/guidance/universities-and-colleges", "student-at");

        Assert.Equal([.. Universities.Concat(Colleges).Order(StringComparer.OrdinalIgnoreCase)], offered);
    }

    [Fact]
    public async Task Every_employer_with_its_own_staff_support_is_offered_to_managers()
    {
        var offered = await OfferedAsync("/guidance/managers", "at-work");

        Assert.All(Employers, e => Assert.Contains(e, offered));
        // A university is an employer too when it has support for its own staff, and only then.
        Assert.Contains("Porter Brook University", offered);
        Assert.DoesNotContain("Meanwood University", offered);
        Assert.DoesNotContain(Colleges, offered.Contains);
    }

    [Fact]
    public async Task A_Leeds_student_who_names_their_university_finds_its_counselling_and_nobody_elses()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, $"/find/results?near=Leeds&circumstances=student&prefer=audience%3Astudents&member_of={Organisation("meanwooduni")}&limit=50");
        var results = page.Document.QuerySelectorAll("#results .result-card, #results li").Select(r => r.TextContent).ToList();
        var names = page.Document.QuerySelectorAll("#results h2").Select(h => h.TextContent.Trim()).ToList();

        Assert.Contains("Student Counselling and Mental Health Team", names);
        Assert.DoesNotContain(results, r => r.Contains("Aire Valley University", StringComparison.Ordinal) && r.Contains("Student Wellbeing Drop-in", StringComparison.Ordinal));
    }
}
