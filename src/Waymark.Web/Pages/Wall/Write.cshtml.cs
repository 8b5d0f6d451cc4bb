using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Core.Wall;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Wall;

/// <summary>Write a note or a reply (a person's account, and a display name chosen once). Nothing is public until a moderator has read it.</summary>
[Authorize(Roles = Roles.Person)]
public sealed class WriteModel(WallService wall, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Topic { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public Guid? ThreadId { get; set; }

    /// <summary>"I want a person to reply to me": the note becomes urgent, whatever the screener finds in it.</summary>
    [BindProperty]
    public bool AskForPerson { get; set; }

    public bool NeedsDisplayName { get; private set; }

    /// <summary>When a person would reply if the author asked now, said on the form so nobody ticks it expecting sooner.</summary>
    public string ReplyTime => wall.ReplyTimeWords(time.GetUtcNow());

    public async Task OnGetAsync(CancellationToken ct) =>
        NeedsDisplayName = !await wall.HasDisplayNameAsync(User.UserId(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        NeedsDisplayName = !await wall.HasDisplayNameAsync(User.UserId(), ct);
        // Every problem at once, before anything is saved: a name is never kept for a note that could not be sent.
        var problems = await wall.ProblemsAsync(User.Identity?.Name, NeedsDisplayName, DisplayName, Topic, ThreadId, Text, ct);
        try
        {
            if (problems.Count == 0)
            {
                var actor = User.Actor();
                if (NeedsDisplayName)
                {
                    await wall.ChooseDisplayNameAsync(actor, User.Identity?.Name, DisplayName, ct);
                }
                var sent = await wall.WriteAsync(actor, Topic, ThreadId, Text, AskForPerson, ct);
                return Redirect($"/wall/sent/{sent.Item.Id}");
            }
        }
        catch (WallInputException ex)
        {
            problems = [ex];
        }
        foreach (var problem in problems)
        {
            this.AddError(problem.Field, problem.Message);
        }
        NeedsDisplayName = !await wall.HasDisplayNameAsync(User.UserId(), ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
