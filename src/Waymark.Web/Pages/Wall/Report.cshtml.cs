using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.Accounts;
using Waymark.Core.Wall;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Wall;

/// <summary>
/// Anyone can report a note, with no account. Reports from different readers — different accounts, or different
/// networks, kept only as a hash — hide it until a moderator has looked again.
/// </summary>
[EnableRateLimiting(RateLimits.Reports)]
public sealed class ReportModel(WallService wall) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public Guid Id { get; private set; }

    public IActionResult OnGet(Guid id)
    {
        Id = id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        if (Reason is { Length: > 500 })
        {
            this.AddError(nameof(Reason), "Keep it to 500 characters or fewer");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var key = User.Identity?.IsAuthenticated == true
            ? "user:" + User.UserId()
            : SignInAttempts.ClientKey(HttpContext.Connection.RemoteIpAddress);
        if (!await wall.ReportAsync(id, key, Reason, ct))
        {
            return NotFound();
        }
        return RedirectToPage(new { id, Sent = true });
    }
}
