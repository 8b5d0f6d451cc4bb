using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.People;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;
using Waymark.Web.Pages.Find;

namespace Waymark.Web.Pages.Services;

/// <summary>
/// The confirmation after a self-referral is sent: what went, to whom, who will contact the person, how and by
/// when (the service's own response time, else the default the overdue rule uses). Only the person's own referral.
/// </summary>
[Authorize]
public sealed class ReferredModel(ReferralService referrals, PersonContact contact, WaymarkDbContext db) : PageModel
{
    public SelfReferralReceipt Receipt { get; private set; } = null!;

    /// <summary>Where Waymark's own news of the referral goes, or null when nothing will be sent.</summary>
    public PersonContactDetails? News { get; private set; }

    /// <summary>The service's own ways in, for a person who will get in touch themselves.</summary>
    public IReadOnlyList<string> ServicePhones { get; private set; } = [];

    public string? ServiceEmail { get; private set; }

    public FindAnswers Answers { get; private set; } = FindAnswers.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid referralId)
    {
        var receipt = await referrals.ReceiptAsync(referralId, User.Actor());
        if (receipt is null || receipt.Referral.ServiceId != id)
        {
            return NotFound();
        }
        Receipt = receipt;
        News = await contact.ForAsync(User.UserId(), receipt.Referral.ContactPreference);
        var service = await db.Services.Where(s => s.Id == id)
            .Select(s => new { s.Email, Phones = s.Contacts.SelectMany(c => c.Phones).Select(p => p.Number).ToList() }).SingleAsync();
        ServicePhones = service.Phones;
        ServiceEmail = service.Email;
        Answers = FindAnswers.From(Request.Query);
        return Page();
    }
}
