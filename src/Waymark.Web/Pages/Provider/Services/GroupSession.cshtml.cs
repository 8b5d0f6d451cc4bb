using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Groups;
using Waymark.Core.Schedules;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Services;

/// <summary>One group session: change or cancel it, choose facilitators, record how many came, and that someone disclosed risk in it.</summary>
public sealed class GroupSessionModel(WaymarkDbContext db, OrganisationAccess access, GroupSessions groups, GroupDisclosures disclosures, TimeProvider clock) : ProviderPageModel(db, access)
{
    [BindProperty]
    public GroupSessionInput Input { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public Guid? Facilitator { get; set; }

    [BindProperty]
    public string? Attended { get; set; }

    public Service Service { get; private set; } = null!;

    public GroupSession Session { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> Places { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<(Guid UserId, string Name)> Members { get; private set; } = [];

    public bool Started => Session.StartsAt <= clock.GetUtcNow();

    public bool Changeable => !Session.IsCancelled && !Started;

    /// <summary>A facilitator or a supervisor of the organisation may record a disclosure; other staff see only that one was.</summary>
    public bool MayRecordDisclosure { get; private set; }

    public DateTimeOffset? DisclosureRecordedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid sessionId)
    {
        if (!await LoadAsync(id, sessionId))
        {
            return NotFound();
        }
        Input = InputOf(Session);
        Attended = Session.AttendedCount?.ToString(CultureInfo.InvariantCulture);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, Guid sessionId) =>
        ActAsync(id, sessionId, () => groups.UpdateAsync(User.Actor(), id, sessionId, Input), "The session is changed.", "Input.");

    public Task<IActionResult> OnPostCancelAsync(Guid id, Guid sessionId) =>
        ActAsync(id, sessionId, () => groups.CancelAsync(User.Actor(), id, sessionId, Reason), "The session is cancelled. People who saved the service are told.");

    public Task<IActionResult> OnPostAssignAsync(Guid id, Guid sessionId) =>
        ActAsync(id, sessionId, () => Facilitator is { } userId
            ? groups.AssignFacilitatorAsync(User.Actor(), id, sessionId, userId)
            : throw new GroupSessionException("Facilitator", "Choose who will facilitate"), "The facilitator is added.");

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid sessionId, Guid userId) =>
        ActAsync(id, sessionId, () => groups.RemoveFacilitatorAsync(User.Actor(), id, sessionId, userId), "The facilitator is taken off.");

    public Task<IActionResult> OnPostAttendanceAsync(Guid id, Guid sessionId) =>
        ActAsync(id, sessionId, () => groups.RecordAttendanceAsync(User.Actor(), id, sessionId, Attended), "How many came is saved.");

    public async Task<IActionResult> OnPostDisclosureAsync(Guid id, Guid sessionId)
    {
        if (!await LoadAsync(id, sessionId) || !MayRecordDisclosure)
        {
            return NotFound();
        }
        return await ActAsync(id, sessionId, async () =>
        {
            var outcome = await disclosures.RecordAsync(User.Actor(), sessionId);
            TempData["Success"] = outcome == DisclosureOutcome.AlreadyRecorded
                ? "This was already recorded, so nobody has been asked twice."
                : "It is recorded. Each facilitator who is a peer supporter is offered a debrief within 24 hours, and their supervisors are told.";
            return outcome is not null;
        }, null);
    }

    private async Task<IActionResult> ActAsync(Guid id, Guid sessionId, Func<Task<bool>> act, string? done, string prefix = "")
    {
        if (!await LoadAsync(id, sessionId))
        {
            return NotFound();
        }
        ModelState.Clear();
        try
        {
            if (!await act())
            {
                return NotFound();
            }
            return done is null ? RedirectToPage(new { id, sessionId }) : Saved(done, new { id, sessionId });
        }
        catch (GroupSessionException e)
        {
            this.AddErrors(e.Errors, prefix);
            // The page shows the session as saved, with what was typed kept in the form that failed.
            if (prefix.Length == 0)
            {
                Input = InputOf(Session);
            }
            return Invalid();
        }
    }

    private async Task<bool> LoadAsync(Guid id, Guid sessionId)
    {
        var service = await EditableServiceAsync(id);
        var session = service is null ? null : await groups.FindAsync(User.Actor(), id, sessionId);
        if (service is null || session is null)
        {
            return false;
        }
        Service = service;
        Session = session;
        Places = await groups.PlacesAsync(id);
        Members = service.OrganizationId is { } org ? await groups.MembersAsync(org) : [];
        MayRecordDisclosure = await disclosures.MayRecordAsync(User.UserId(), sessionId);
        DisclosureRecordedAt = await disclosures.RecordedAtAsync(sessionId);
        return true;
    }

    private static GroupSessionInput InputOf(GroupSession s)
    {
        var start = UkTime.ToLocal(s.StartsAt);
        return new GroupSessionInput
        {
            Date = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Starts = start.ToString("HH:mm", CultureInfo.InvariantCulture),
            Ends = UkTime.ToLocal(s.EndsAt).ToString("HH:mm", CultureInfo.InvariantCulture),
            Where = s.LocationId?.ToString() ?? (s.Venue is not null ? GroupSessionInput.OtherVenue : GroupSessionInput.Online),
            Venue = s.Venue,
            OnlineUrl = s.OnlineUrl,
            Capacity = s.Capacity?.ToString(CultureInfo.InvariantCulture),
        };
    }
}
