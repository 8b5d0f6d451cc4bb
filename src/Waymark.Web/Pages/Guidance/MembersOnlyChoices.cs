using Waymark.Core.Matching;
using Waymark.Web.Match;

namespace Waymark.Web.Pages.Guidance;

/// <summary>The organisations a guidance page offers, from the search snapshot (just after a start, once it is in; without it, none).</summary>
public static class MembersOnlyChoices
{
    public static async Task<IReadOnlyList<OrganizationEntry>> RunningAsync(DirectoryIndex index, UInt128 kind, CancellationToken ct) =>
        await index.WaitUntilReadyAsync(MatchApi.StartingWait, ct) ? MembersOnly.Running(index.Current, kind) : [];
}
