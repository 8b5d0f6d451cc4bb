using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Gazetteer;
using Waymark.Core.Network;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Offers;

/// <summary>Other organisations' open offers, by area and kind, and this organisation's own offers.</summary>
public sealed class IndexModel(SharedOffers offers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public IReadOnlyList<OfferListing> Found { get; private set; } = [];
    public IReadOnlyList<OfferListing> Ours { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        LocalAuthority? area = null;
        OfferKind? kind = null;
        if (Area is { Length: > 0 } a && (area = LocalAuthorities.Find(a)) is null)
        {
            this.AddError(nameof(Area), "Enter a local authority we know, like Hull or Leeds, or leave it empty");
        }
        if (Kind is { Length: > 0 } k)
        {
            if (Enum.TryParse<OfferKind>(k, out var parsed) && Enum.IsDefined(parsed))
            {
                kind = parsed;
            }
            else
            {
                this.AddError(nameof(Kind), "Choose a kind of offer from the list");
            }
        }
        Ours = await offers.OursAsync(User.Actor());
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Found = await offers.FindAsync(User.Actor(), area, kind);
        return Page();
    }
}
