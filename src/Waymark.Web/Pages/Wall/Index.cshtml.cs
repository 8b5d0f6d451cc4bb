using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Wall;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Wall;

/// <summary>
/// The wall: anyone can read it, with no account, no cookie and nothing recorded about who read what. Reading choices
/// ride in the address; a signed-in reader can save them with their account instead, so they follow them.
/// </summary>
public sealed class IndexModel(WallService wall, SavedReaderChoices saved, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Warnings { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Mute { get; set; }

    [BindProperty(SupportsGet = true, Name = "break_until")]
    public string? BreakUntil { get; set; }

    [BindProperty(SupportsGet = true, Name = "break_for")]
    public string? BreakFor { get; set; }

    public IReadOnlyList<WallPostView> Posts { get; private set; } = [];
    public ReaderChoices Choices { get; private set; } = null!;

    /// <summary>The choices came from the reader's account, so links need not carry them in the address.</summary>
    public bool FromAccount { get; private set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    public bool Open { get; private set; }
    public string NextOn { get; private set; } = "";
    public string HoursWords { get; private set; } = "";
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        if (BreakHours() is { } hours)
        {
            var choices = ReaderChoices.Parse(Warnings, Mute, Now.AddHours(hours).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            return Redirect("/wall?" + choices.Query(Now));
        }
        if (Topic is not null && WallTopics.Find(Topic) is null)
        {
            return NotFound();
        }
        Choices = ReaderChoices.Parse(Warnings, Mute, BreakUntil);
        if (SignedIn && Warnings is null && Mute is null && BreakUntil is null && await saved.ForAsync(User.UserId(), ct) is { } mine)
        {
            Choices = mine;
            FromAccount = true;
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A signed-in reader saves their choices with their account; the break they chose, if any, stays.</summary>
    public async Task<IActionResult> OnPostChoicesAsync(CancellationToken ct)
    {
        if (!SignedIn)
        {
            return Challenge();
        }
        Now = time.GetUtcNow();
        var current = await saved.ForAsync(User.UserId(), ct);
        if (ReaderChoices.MuteProblem(Mute) is { } problem)
        {
            this.AddError(nameof(Mute), problem);
            Choices = ReaderChoices.Parse(Warnings, null, null) with { BreakUntil = current?.BreakUntil };
            FromAccount = true;
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await saved.SaveAsync(User.UserId(), ReaderChoices.Parse(Warnings, Mute, null) with { BreakUntil = current?.BreakUntil }, ct);
        TempData["Success"] = "Your reading choices are saved with your account.";
        return Redirect(Topic is not null && WallTopics.Find(Topic) is not null ? $"/wall?topic={Topic}" : "/wall");
    }

    /// <summary>A signed-in reader's break, kept with their account until the time they chose.</summary>
    public async Task<IActionResult> OnPostBreakAsync(CancellationToken ct)
    {
        if (!SignedIn)
        {
            return Challenge();
        }
        var current = await saved.ForAsync(User.UserId(), ct) ?? ReaderChoices.Parse(null, null, null);
        var hours = BreakHours() ?? 1;
        await saved.SaveAsync(User.UserId(), current with { BreakUntil = time.GetUtcNow().AddHours(hours) }, ct);
        return Redirect("/wall");
    }

    /// <summary>Ends a signed-in reader's break, back on the thread they opened if they came from one.</summary>
    public async Task<IActionResult> OnPostEndBreakAsync([FromForm] Guid? thread, CancellationToken ct)
    {
        if (!SignedIn)
        {
            return Challenge();
        }
        if (await saved.ForAsync(User.UserId(), ct) is { } current)
        {
            await saved.SaveAsync(User.UserId(), current.WithoutBreak(), ct);
        }
        return Redirect(thread is { } id ? $"/wall/{id}" : "/wall");
    }

    private int? BreakHours() => BreakFor switch { "1h" => 1, "1d" => 24, "1w" => 24 * 7, _ => null };

    private async Task LoadAsync(CancellationToken ct)
    {
        Open = wall.Hours.IsOpen(Now);
        NextOn = wall.Hours.NextOnWords(Now);
        HoursWords = wall.Hours.Describe();
        if (!Choices.OnBreak(Now))
        {
            Posts = [.. (await wall.ReadAsync(Topic is not null && WallTopics.Find(Topic) is not null ? Topic : null, ct: ct)).Where(p => !Choices.Hides(p.Text))];
        }
    }
}
