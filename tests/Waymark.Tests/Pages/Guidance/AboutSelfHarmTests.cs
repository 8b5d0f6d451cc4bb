using System.Net;
using System.Text.RegularExpressions;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Guidance;

public sealed class AboutSelfHarmTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task It_covers_what_nice_ng225_says_people_should_be_told()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/about-self-harm");
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("About self-harm and getting support", page.Text("h1"));

        foreach (var section in new[] { "what-is-self-harm", "why", "support", "self-care", "injuries", "safety-plan", "stigma", "emergency" })
        {
            var heading = page.Document.GetElementById(section);
            Assert.NotNull(heading);
            Assert.Equal("h2", heading.LocalName);
            Assert.NotNull(page.Document.QuerySelector($"nav a[href='#{section}']"));
        }
        var support = string.Join(" ", page.Document.QuerySelectorAll("h3").Select(h => h.TextContent));
        foreach (var kind in new[] { "Peer support", "Counselling", "Talking therapies", "Crisis lines", "GP", "Drop-ins" })
        {
            Assert.Contains(kind, support, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task It_follows_the_safe_messaging_words()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/about-self-harm");
        var text = page.Document.GetElementById("main-content")!.TextContent;

        Assert.DoesNotContain("committed suicide", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("self-mutilation", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("mentally ill", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("died by suicide", text, StringComparison.Ordinal);
        // "Attention seeking" appears only where the page rejects the idea.
        var sentences = Regex.Split(text, @"(?<=[.!?])\s+").Where(s => s.Contains("attention seeking", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.All(sentences, s => Assert.Contains("think", s, StringComparison.Ordinal));
        Assert.Contains("It isn’t.", text, StringComparison.Ordinal);
        // No numbers of any kind about harm: the only digits are phone numbers.
        Assert.All(Regex.Matches(text, @"\d[\d ]*").Select(m => m.Value.Trim()), n => Assert.Contains(n, new[] { "999", "111", "116 123" }));
    }
}
