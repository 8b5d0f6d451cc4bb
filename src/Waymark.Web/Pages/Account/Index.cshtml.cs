using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account;

[Authorize]
public sealed class IndexModel(AccountSessions sessions) : PageModel
{
    /// <summary>Live sessions of this account on other devices or browsers.</summary>
    public int OtherSessions { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        OtherSessions = await sessions.CountOthersAsync(User.Actor(), SessionCookie.Current(HttpContext), ct);
    }
}
