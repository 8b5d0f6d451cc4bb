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

    [BindProperty(SupportsGet = true, Name = "break_until")]
    public string? BreakUntil { get; set; }

    public WallPostView Post { get; private set; } = null!;
    public IReadOnlyList<WallPostView> Replies { get; private set; } = [];
    public ReaderChoices Choices { get; private set; } = null!;
    public bool CanWrite { get; private set; }
    public Guid ThreadId { get; private set; }

    /// <summary>The choices came from the reader's account, so links need not carry them in the address.</summary>
    public bool FromAccount { get; private set; }

    /// <summary>The note itself has a word the reader muted: it stays folded until they open it.</summary>
    public bool PostMuted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var thread = await wall.ThreadAsync(id, ct);
        if (thread is null)
        {
            return NotFound();
        }
        ThreadId = id;
        // The same choices as the wall: from the address, or else from a signed-in reader's account, a break included.
        Choices = ReaderChoices.Parse(Warnings, Mute, BreakUntil);
        if (User.Identity?.IsAuthenticated == true && Warnings is null && Mute is null && BreakUntil is null && await saved.ForAsync(User.UserId(), ct) is { } mine)
        {
            Choices = mine;
            FromAccount = true;
        }
        CanWrite = User.IsInRole(Roles.Person);
        if (Choices.OnBreak(Now))
        {
            return Page();
        }
        (Post, Replies) = thread.Value;
        PostMuted = !Post.DeletedByAuthor && Choices.Hides(Post.Text);
        Replies = [.. Replies.Where(r => !Choices.Hides(r.Text))];
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

    public DateTimeOffset Now { get; } = time.GetUtcNow();

    /// <summary>The reader's choices from the address, for links back to the wall ("" when they came from the account).</summary>
    public string Keep(ReaderChoices choices) => FromAccount ? "" : choices.Query(Now);

    /// <summary>Where "show the wall now" goes for a reader whose break is in the address: this thread, without the break.</summary>
    public string ShowNowHref => Keep(Choices.WithoutBreak()) is { Length: > 0 } query ? $"/wall/{ThreadId}?{query}" : $"/wall/{ThreadId}";
}
