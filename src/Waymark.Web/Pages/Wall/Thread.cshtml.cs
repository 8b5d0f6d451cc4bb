using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Core.Wall;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Wall;

/// <summary>One note and its replies. Reading needs no account; replying and "You're not alone" need a person's account.</summary>
public sealed class ThreadModel(WallService wall, SavedReaderChoices saved, TimeProvider time) : PageModel
{
    /// <summary>At most three signposts on a thread about self-harm: never a wall of numbers.</summary>
    public static readonly IReadOnlyList<(string Href, string Text)> Signposts =
    [
        ("/need-help-now", "Need help now: contacts open now"),
        ("/find", "Find support near you"),
        ("/about-self-harm", "About self-harm and getting support"),
    ];

    [BindProperty(SupportsGet = true)]
    public string? Warnings { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Mute { get; set; }

    public WallPostView Post { get; private set; } = null!;
    public IReadOnlyList<WallPostView> Replies { get; private set; } = [];
    public ReaderChoices Choices { get; private set; } = null!;
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var thread = await wall.ThreadAsync(id, ct);
        if (thread is null)
        {
            return NotFound();
        }
        Choices = ReaderChoices.Parse(Warnings, Mute, null);
        if (User.Identity?.IsAuthenticated == true && Warnings is null && Mute is null && await saved.ForAsync(User.UserId(), ct) is { } mine)
        {
            Choices = mine;
        }
        (Post, Replies) = thread.Value;
        Replies = [.. Replies.Where(r => !Choices.Hides(r.Text))];
        CanWrite = User.IsInRole(Roles.Person);
        return Page();
    }

    public async Task<IActionResult> OnPostReactAsync(Guid id, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Person))
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }
        if (!await wall.ReactAsync(User.Actor(), id, ct))
        {
            return NotFound();
        }
        TempData["Success"] = "Thank you. The author will see that someone said \"You're not alone\".";
        return Redirect($"/wall/{id}");
    }

    public DateTimeOffset Now => time.GetUtcNow();
}
