using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Listings;
using Waymark.Core.Notifications;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Services;

/// <summary>Anyone can tell us a listing is wrong: no account, nothing stored about them except an email if they give one.</summary>
[EnableRateLimiting(RateLimits.Reports)]
public sealed class SuggestAChangeModel(WaymarkDbContext db, TimeProvider time) : PageModel
{
    public const int MaxLength = 2000;

    [BindProperty]
    public string? Message { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public string ServiceName { get; private set; } = "";
    public Guid ServiceId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(Message))
        {
            this.AddError(nameof(Message), "Tell us what is wrong with the listing");
        }
        else if (Message.Length > MaxLength)
        {
            this.AddError(nameof(Message), $"Your message must be {MaxLength:N0} characters or fewer");
        }
        if (!string.IsNullOrWhiteSpace(Email) && !EmailAddress.IsValid(Email.Trim()))
        {
            this.AddError(nameof(Email), "Enter an email address in the correct format, like name@example.org, or leave it empty");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        db.ListingReports.Add(new ListingReport
        {
            Id = Guid.CreateVersion7(),
            ServiceId = id,
            Message = Message!.Trim(),
            Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
            ReceivedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return RedirectToPage(new { id, Sent = true });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var name = await db.Services.Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync();
        ServiceName = name ?? "";
        ServiceId = id;
        return name is not null;
    }
}
