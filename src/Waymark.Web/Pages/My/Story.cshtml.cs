using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.People;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.My;

/// <summary>"Tell my story once": written here, kept encrypted, shared only with a tick on a referral.</summary>
[Authorize]
public sealed class StoryModel(PersonPlan plan) : PageModel
{
    [BindProperty]
    public StoryInput Input { get; set; } = new();

    public DateTimeOffset? UpdatedAt { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (story, updatedAt) = await plan.GetStoryAsync(User.Actor(), ct);
        Input = StoryInput.From(story);
        UpdatedAt = updatedAt;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await plan.SaveStoryAsync(User.Actor(), Input.ToStory(), ct);
        }
        catch (PlanException ex)
        {
            this.AddError("Input." + StoryInput.FieldOf(ex.Field), ex.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = "Your story is saved. You can choose to share it when you refer yourself.";
        return RedirectToPage();
    }
}

public sealed class StoryInput
{
    public string? Happening { get; set; }
    public string? WouldLike { get; set; }
    public string? HasHelped { get; set; }
    public string? HasNotHelped { get; set; }
    public string? AccessNeeds { get; set; }
    public string? Preferences { get; set; }

    public static StoryInput From(StorySummary s) => new()
    {
        Happening = s.Happening,
        WouldLike = s.WouldLike,
        HasHelped = s.HasHelped,
        HasNotHelped = s.HasNotHelped,
        AccessNeeds = s.AccessNeeds,
        Preferences = s.Preferences,
    };

    public StorySummary ToStory() => new(Happening, WouldLike, HasHelped, HasNotHelped, AccessNeeds, Preferences);

    /// <summary>The input field for a story section key.</summary>
    public static string FieldOf(string key) => key switch
    {
        "happening" => nameof(Happening),
        "would-like" => nameof(WouldLike),
        "has-helped" => nameof(HasHelped),
        "has-not-helped" => nameof(HasNotHelped),
        "access-needs" => nameof(AccessNeeds),
        _ => nameof(Preferences),
    };
}
