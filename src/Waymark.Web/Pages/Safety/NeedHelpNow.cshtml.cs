using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Safety;
using Waymark.Core.Schedules;

namespace Waymark.Web.Pages.Safety;

public sealed class NeedHelpNowModel(TimeProvider clock) : PageModel
{
    /// <summary>The emergency line first, then every contact answering now, in the order of the data file.</summary>
    public IReadOnlyList<CrisisContact> OpenNow { get; private set; } = [];

    public IReadOnlyList<CrisisContact> ClosedNow { get; private set; } = [];

    public DateTimeOffset UkNow { get; private set; }

    public void OnGet()
    {
        UkNow = UkTime.Now(clock);
        var all = CrisisContacts.All.OrderBy(c => c.Id == "emergency" ? 0 : 1).ToList();
        OpenNow = all.Where(c => c.IsOpenAt(UkNow)).ToList();
        ClosedNow = all.Where(c => !c.IsOpenAt(UkNow)).ToList();
    }
}
