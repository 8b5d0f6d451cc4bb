using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waymark.Web.Pages.Account;

[Authorize]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
