using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Matching;
using Waymark.Core.Safety;

namespace Waymark.Web.Pages.Guidance;

/// <summary><c>/guidance/managers</c>: plain guidance for managers, and a way into the find journey for someone at work.</summary>
public sealed class ManagersModel(DirectoryIndex index) : PageModel
{
    public IReadOnlyList<GuidanceSource> Sources { get; } =
        GuidanceSources.For("access-to-work-mhss", "hse-management-standards", "acas-reasonable-adjustments", "nice-ng225");

    public MemberChoice Choice { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Choice = new MemberChoice("at-work", "employee", "audience:employees",
            "Where do they work?",
            "Choose their employer if it is listed. Support for their employer’s own staff will then be included.",
            "Their employer is not listed, or I’d rather not say", "Find support",
            await MembersOnlyChoices.RunningAsync(index, MembersOnly.ForStaff, ct));
}
