using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.People;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.My;

/// <summary>"Download my data": everything Waymark holds about the person, as one JSON file. Each download is audited.</summary>
[Authorize]
public sealed class DataModel(PersonData data, TimeProvider time) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var json = await data.ExportJsonAsync(User.Actor(), ct);
        Response.Headers.CacheControl = "no-store";
        var day = Waymark.Core.Schedules.UkTime.DateOf(time.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(json, "application/json", $"waymark-my-data-{day}.json");
    }
}
