using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Matching;
using Waymark.Core.Safety;

namespace Waymark.Web.Pages.Guidance;

/// <summary><c>/guidance/universities-and-colleges</c>: plain guidance for students and staff, and "I'm a student at …" into the find journey.</summary>
public sealed class UniversitiesAndCollegesModel(DirectoryIndex index) : PageModel
{
    public IReadOnlyList<GuidanceSource> Sources { get; } =
        GuidanceSources.For("uuk-suicide-safer", "university-mental-health-charter", "nightline", "nice-ng225");

    public MemberChoice Choice { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Choice = new MemberChoice("student-at", "student", "audience:students",
            "I’m a student at …",
            "Choose your university or college if it is listed. Its support for its own students will then be included.",
            "It’s not listed, or I’d rather not say", "Find support",
            await MembersOnlyChoices.RunningAsync(index, MembersOnly.ForStudents, ct));
}
