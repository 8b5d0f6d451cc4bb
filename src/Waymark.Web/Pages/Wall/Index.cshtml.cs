using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Wall;

namespace Waymark.Web.Pages.Wall;

/// <summary>The wall: anyone can read it, with no account, no cookie and nothing recorded about who read what.</summary>
public sealed class IndexModel(WallService wall, TimeProvider time) : PageModel
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
    public bool Open { get; private set; }
    public string NextOn { get; private set; } = "";
    public string HoursWords { get; private set; } = "";
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        if (BreakFor is { Length: > 0 })
        {
            var hours = BreakFor switch { "1h" => 1, "1d" => 24, "1w" => 24 * 7, _ => 0 };
            if (hours > 0)
            {
                var choices = ReaderChoices.Parse(Warnings, Mute, Now.AddHours(hours).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                return Redirect("/wall?" + choices.Query(Now));
            }
        }
        if (Topic is not null && WallTopics.Find(Topic) is null)
        {
            return NotFound();
        }
        Choices = ReaderChoices.Parse(Warnings, Mute, BreakUntil);
        Open = wall.Hours.IsOpen(Now);
        NextOn = wall.Hours.NextOnWords(Now);
        HoursWords = wall.Hours.Describe();
        if (!Choices.OnBreak(Now))
        {
            Posts = [.. (await wall.ReadAsync(Topic, ct: ct)).Where(p => !Choices.Hides(p.Text))];
        }
        return Page();
    }
}
