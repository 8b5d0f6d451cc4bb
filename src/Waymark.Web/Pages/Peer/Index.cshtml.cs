using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Groups;
using Waymark.Core.PeerSupport;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;
using Waymark.Web.Text;

namespace Waymark.Web.Pages.Peer;

/// <summary>
/// A peer supporter's own home: hours against the caps, next supervision, training due, debriefs owed, what
/// they hold, "I need a debrief", "I need a break", time worked and their private check-ins. Only their own
/// organisations: any other id is "not found".
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, PeerSupportAccess access, AssignmentGate gate, PeerSupportRecords records, GroupDisclosures disclosures, TimeProvider time) : PageModel
{
    public sealed record AssignmentRow(Guid Id, AssignmentKind Kind, string What, DateTimeOffset AssignedAt);

    public sealed record OrganisationView(
        Guid Id, string Name, PeerStanding Standing, IReadOnlyList<AssignmentBlock> Blocks, IReadOnlyList<AssignmentRow> Assignments,
        IReadOnlyList<SupervisionView> Supervision, IReadOnlyList<CheckInView> CheckIns, IReadOnlyList<FacilitatedRecently> Sessions);

    public IReadOnlyList<OrganisationView> Organisations { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    [BindProperty]
    public WorkInput Work { get; set; } = new();

    [BindProperty]
    public string? CheckInWords { get; set; }

    [BindProperty]
    public bool ShareCheckIn { get; set; }

    /// <summary>The day a debrief is booked for, year-month-day.</summary>
    [BindProperty]
    public string? BookedFor { get; set; }

    /// <summary>Which organisation's form had the errors.</summary>
    public Guid? ErrorsFor { get; private set; }

    /// <summary>Which debrief's booking form had the error.</summary>
    public Guid? BookingErrorFor { get; private set; }

    /// <summary>Which session's disclosure form had the error.</summary>
    public Guid? DisclosureErrorFor { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostDebriefAsync(Guid organisationId) =>
        AsPeerAsync(organisationId, () => records.RequestDebriefAsync(User.UserId(), organisationId, User.Actor()),
            "You asked for a debrief. A supervisor has been told and should hold it within 24 hours.");

    public Task<IActionResult> OnPostBreakAsync(Guid organisationId) =>
        AsPeerAsync(organisationId, () => records.StartBreakAsync(User.UserId(), organisationId, User.Actor()),
            "You are on a break. Nobody will give you anything new until you say you are back.");

    public Task<IActionResult> OnPostBackAsync(Guid organisationId) =>
        AsPeerAsync(organisationId, () => records.EndBreakAsync(User.UserId(), organisationId, User.Actor()), "Welcome back. Your break has ended.");

    public async Task<IActionResult> OnPostBookDebriefAsync(Guid organisationId, Guid debriefId)
    {
        if (!await access.IsPeerSupporterAsync(User.UserId(), organisationId))
        {
            return NotFound();
        }
        if (!DateOnly.TryParseExact(BookedFor?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            this.AddError(nameof(BookedFor), "Enter the day it is booked for, as year-month-day");
        }
        else
        {
            try
            {
                if (!await records.BookDebriefAsync(organisationId, User.UserId(), debriefId, day, User.Actor()))
                {
                    return NotFound();
                }
            }
            catch (PeerSupportException ex)
            {
                this.AddError(nameof(BookedFor), ex.Message);
            }
        }
        if (!ModelState.IsValid)
        {
            BookingErrorFor = debriefId;
            return await InvalidAsync(organisationId);
        }
        TempData["Success"] = $"Your debrief is booked for {PlainWords.Date(day)}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDebriefHadAsync(Guid organisationId, Guid debriefId)
    {
        if (!await access.IsPeerSupporterAsync(User.UserId(), organisationId)
            || !await records.RecordOwnDebriefHeldAsync(organisationId, debriefId, User.Actor()))
        {
            return NotFound();
        }
        TempData["Success"] = "Your debrief is recorded as held. Thank you for looking after yourself.";
        return RedirectToPage();
    }

    /// <summary>"Someone disclosed risk in this session", for a session of this organisation they facilitated.</summary>
    public async Task<IActionResult> OnPostDisclosureAsync(Guid organisationId, Guid sessionId)
    {
        if (!await access.IsPeerSupporterAsync(User.UserId(), organisationId)
            || !await db.GroupSessions.AnyAsync(s => s.Id == sessionId && db.Services.Any(v => v.Id == s.ServiceId && v.OrganizationId == organisationId)))
        {
            return NotFound();
        }
        DisclosureOutcome? outcome;
        try
        {
            outcome = await disclosures.RecordAsync(User.Actor(), sessionId);
        }
        catch (GroupSessionException ex)
        {
            this.AddError("Disclosure", ex.Message);
            DisclosureErrorFor = sessionId;
            return await InvalidAsync(organisationId);
        }
        if (outcome is null)
        {
            return NotFound();
        }
        TempData["Success"] = outcome == DisclosureOutcome.AlreadyRecorded
            ? "This was already recorded, so nobody has been asked twice."
            : "It is recorded. You and the other facilitators are offered a debrief within 24 hours, and your supervisors are told.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCheckInAsync(Guid organisationId)
    {
        if (!await access.IsPeerSupporterAsync(User.UserId(), organisationId))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(CheckInWords))
        {
            this.AddError(nameof(CheckInWords), "Write a few words about how you are doing");
        }
        else if (CheckInWords.Length > WellbeingCheckIn.MaxLength)
        {
            this.AddError(nameof(CheckInWords), $"Keep it to {WellbeingCheckIn.MaxLength:N0} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(organisationId);
        }
        await records.CheckInAsync(User.UserId(), organisationId, CheckInWords!, ShareCheckIn, User.Actor());
        TempData["Success"] = ShareCheckIn ? "Your check-in is saved and shared with your supervisors." : "Your check-in is saved. Only you can read it.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWorkAsync(Guid organisationId)
    {
        if (!await access.IsPeerSupporterAsync(User.UserId(), organisationId))
        {
            return NotFound();
        }
        if (Work.Validate(this) is not { } entry)
        {
            return await InvalidAsync(organisationId);
        }
        await records.LogWorkAsync(User.UserId(), organisationId, entry.Kind, entry.Start, entry.Minutes, null, User.Actor());
        TempData["Success"] = "Your time is recorded.";
        return RedirectToPage();
    }

    private async Task<IActionResult> AsPeerAsync(Guid organisationId, Func<Task> action, string done)
    {
        if (!await access.IsPeerSupporterAsync(User.UserId(), organisationId))
        {
            return NotFound();
        }
        await action();
        TempData["Success"] = done;
        return RedirectToPage();
    }

    private async Task<IActionResult> InvalidAsync(Guid organisationId)
    {
        ErrorsFor = organisationId;
        await LoadAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync()
    {
        Now = time.GetUtcNow();
        var me = User.UserId();
        var orgIds = access.PeerOrganisationIds(me);
        var orgs = await db.Organizations.Where(o => orgIds.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync();
        var views = new List<OrganisationView>();
        foreach (var org in orgs)
        {
            var standing = await gate.StandingAsync(me, org.Id);
            var held = await db.PeerAssignments.Where(a => a.UserId == me && a.OrganisationId == org.Id).Where(PeerAssignment.OpenAt(Now))
                .OrderBy(a => a.AssignedAt).ToListAsync();
            var rows = new List<AssignmentRow>();
            foreach (var a in held)
            {
                rows.Add(new AssignmentRow(a.Id, a.Kind, await DescribeAsync(db, a), a.AssignedAt));
            }
            views.Add(new OrganisationView(org.Id, org.Name, standing, AssignmentGate.BlocksOf(standing), rows,
                await records.SupervisionAsync(me, org.Id, User.Actor()), await records.CheckInsAsync(me, org.Id, User.Actor()),
                await disclosures.RecentlyFacilitatedAsync(me, org.Id)));
        }
        Organisations = views;
    }

    /// <summary>What an assignment is, in words, without anything a person wrote.</summary>
    public static async Task<string> DescribeAsync(WaymarkDbContext db, PeerAssignment a)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(a);
        return a.Kind switch
        {
            AssignmentKind.Referral => "A referral to " + (await db.Referrals.Where(r => r.Id == a.SubjectId)
                .Join(db.Services, r => r.ServiceId, s => s.Id, (r, s) => s.Name).FirstOrDefaultAsync() ?? "a service"),
            AssignmentKind.GroupSession => "A group session",
            _ => "Moderating the wall",
        };
    }
}
