using Waymark.Core.Matching;

namespace Waymark.Web.Pages.Guidance;

/// <summary>
/// What the "I'm a student at …" or "help for someone at work" form carries into the find journey: the circumstance
/// that lets students-only or staff-only services in, the audience to rank first, and the organisations to choose from.
/// </summary>
public sealed record MemberChoice(
    string Id,
    string Circumstance,
    string Prefer,
    string Question,
    string Hint,
    string NoneLabel,
    string Button,
    IReadOnlyList<OrganizationEntry> Organisations);
