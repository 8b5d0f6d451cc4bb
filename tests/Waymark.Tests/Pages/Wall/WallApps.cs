using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Waymark.Core.Schedules;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Wall;

/// <summary>
/// The app with moderated hours set around the real time of the run, so a test is inside (or outside) them
/// whenever it runs; every other wall setting is the default unless a subclass says otherwise.
/// </summary>
public class WallApp : AccountsApp
{
    protected virtual bool InsideHours => true;
    protected virtual bool PublishWithoutReview => false;
    protected virtual int BreakAfterItems => 30;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var hour = UkTime.ToLocal(DateTimeOffset.UtcNow).Hour;
        var (opens, closes) = InsideHours ? ((hour + 23) % 24, (hour + 3) % 24) : ((hour + 3) % 24, (hour + 5) % 24);
        builder.UseSetting("Wall:OpensAt", $"{opens:00}:00");
        builder.UseSetting("Wall:ClosesAt", $"{closes:00}:00");
        builder.UseSetting("Wall:PublishWithoutReview", PublishWithoutReview ? "true" : "false");
        builder.UseSetting("Wall:BreakAfterItems", BreakAfterItems.ToString(CultureInfo.InvariantCulture));
    }
}

public sealed class PublishingWallApp : WallApp
{
    protected override bool PublishWithoutReview => true;
}

public sealed class OutOfHoursWallApp : WallApp
{
    protected override bool InsideHours => false;
    protected override bool PublishWithoutReview => true;
}

public sealed class ShortStretchWallApp : WallApp
{
    protected override int BreakAfterItems => 3;
}

/// <summary>Writing and moderating through the pages, as people do.</summary>
public static partial class WallSteps
{
    /// <summary>Writes a note (choosing a display name first when asked) and answers the new item's id.</summary>
    public static async Task<Guid> WriteAsync(this PersonSession person, string text, string topic = "hard-time", string? displayName = null, Guid? thread = null, bool askForPerson = false)
    {
        var form = await person.Browser.GetAsync("/wall/write");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var fields = new List<KeyValuePair<string, string>> { new("Text", text) };
        if (askForPerson)
        {
            fields.Add(new("AskForPerson", "true"));
        }
        if (thread is { } t)
        {
            fields.Add(new("ThreadId", t.ToString()));
        }
        else
        {
            fields.Add(new("Topic", topic));
        }
        if (form.Document.QuerySelector("#DisplayName") is not null)
        {
            fields.Add(new("DisplayName", displayName ?? "Quiet Heron " + Guid.NewGuid().ToString("N")[..4]));
        }
        var sent = await person.Browser.PostAsync("/wall/write", form.AntiforgeryToken(), fields);
        Assert.True(sent.Status == HttpStatusCode.Redirect, $"Writing gave {(int)sent.Status}: {string.Join("; ", sent.ErrorSummary())}");
        return Guid.Parse(SentId().Match(sent.RedirectPath).Groups[1].Value);
    }

    /// <summary>A moderator's decision through the item's page, with the version it showed them.</summary>
    public static async Task<Page> DecideAsync(this StaffSession moderator, Guid item, string action, params (string Name, string Value)[] more)
    {
        var page = await moderator.Browser.GetAsync($"/moderate/{item}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var version = page.Document.QuerySelector("input[name=Version]")?.GetAttribute("value") ?? throw new InvalidOperationException("No decision form.");
        return await moderator.Browser.PostAsync($"/moderate/{item}", page.AntiforgeryToken(), [new("Action", action), new("Version", version), .. more.Select(m => new KeyValuePair<string, string>(m.Name, m.Value))]);
    }

    [GeneratedRegex("/wall/sent/([0-9a-f-]{36})")]
    private static partial Regex SentId();
}
