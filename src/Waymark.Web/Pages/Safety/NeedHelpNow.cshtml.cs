using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Schedules;

namespace Waymark.Web.Pages.Safety;

/// <summary><c>/need-help-now</c>: the crisis contacts first (two or three on the card, the rest one tap away), then the way to what is open nearby.</summary>
public sealed class NeedHelpNowModel(TimeProvider clock) : PageModel
{
    /// <summary>Now in the UK, to say which contacts are open and what time it is.</summary>
    public DateTimeOffset UkNow { get; private set; }

    public void OnGet() => UkNow = UkTime.Now(clock);
}
