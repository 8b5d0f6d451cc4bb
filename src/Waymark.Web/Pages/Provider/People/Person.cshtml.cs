using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.PeerSupport;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;
using Waymark.Web.Pages.Peer;
using Waymark.Web.Text;

namespace Waymark.Web.Pages.Provider.People;

/// <summary>
/// One peer supporter, for a supervisor of their organisation: where they stand, and forms to record training,
/// supervision (the note only that supervisor and the peer supporter can read), debriefs held, time worked,
/// assignments ended and a reasoned override. Anyone or any organisation else is "not found".
/// </summary>
public sealed class PersonModel(WaymarkDbContext db, PeerSupportAccess access, AssignmentGate gate, PeerSupportRecords records, SharedSupervision shared, TimeProvider time) : PageModel
{
    public sealed class TrainingInput
    {
        public string? Course { get; set; }
        public string? Completed { get; set; }
        public string? Expires { get; set; }
        public string? Hours { get; set; }
    }

    public sealed class SupervisionInput
    {
        public string? Date { get; set; }
        public string? Attended { get; set; }
        public string? Note { get; set; }

        /// <summary>Empty for the organisation's own supervision; else the accepted request for another organisation's supervision offer.</summary>
        public string? Under { get; set; }
    }

    public sealed class OverrideInput
    {
        public string? Kind { get; set; }
        public string? Reason { get; set; }
    }

    public string OrganisationName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public PeerStanding Standing { get; private set; } = null!;
    public IReadOnlyList<AssignmentBlock> Blocks { get; private set; } = [];
    public IReadOnlyList<Peer.IndexModel.AssignmentRow> Assignments { get; private set; } = [];
    public IReadOnlyList<SupervisionView> Supervision { get; private set; } = [];
    public IReadOnlyList<CheckInView> SharedCheckIns { get; private set; } = [];
    public IReadOnlyList<AssignmentOverride> Overrides { get; private set; } = [];
    public IReadOnlyList<string> CourseChoices { get; private set; } = [];

    /// <summary>Accepted supervision offers from other organisations this organisation can book under.</summary>
    public IReadOnlyList<SupervisionOfferChoice> SupervisionOffers { get; private set; } = [];

    /// <summary>The organisation whose supervisor gives the booked next supervision, when booked under its offer.</summary>
    public string? NextSupervisionWith { get; private set; }
    public DateTimeOffset Now { get; private set; }

    [BindProperty]
    public TrainingInput Training { get; set; } = new();

    [BindProperty]
    public SupervisionInput Session { get; set; } = new();

    [BindProperty]
    public WorkInput Work { get; set; } = new();

    [BindProperty]
    public OverrideInput Override { get; set; } = new();

    /// <summary>The day a debrief is booked for, year-month-day.</summary>
    [BindProperty]
    public string? BookedFor { get; set; }

    /// <summary>The day the next supervision is booked for, year-month-day.</summary>
    [BindProperty]
    public string? NextSupervision { get; set; }

    /// <summary>Empty to book with the organisation's own supervisors; else the accepted request for another organisation's supervision offer.</summary>
    [BindProperty]
    public string? BookWith { get; set; }

    /// <summary>Which debrief's booking form had the error.</summary>
    public Guid? BookingErrorFor { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid organisationId, Guid userId) =>
        await LoadAsync(organisationId, userId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTrainingAsync(Guid organisationId, Guid userId)
    {
        if (!await access.CanSuperviseAsync(User.UserId(), organisationId, userId))
        {
            return NotFound();
        }
        var course = Training.Course?.Trim();
        if (string.IsNullOrEmpty(course) || course.Length > Courses.MaxNameLength)
        {
            this.AddError("Training.Course", $"Enter the course, up to {Courses.MaxNameLength} characters");
        }
        var completed = Day("Training.Completed", Training.Completed, required: true, "Enter the date it was completed as year-month-day");
        var expires = Day("Training.Expires", Training.Expires, required: false, "Enter the date it runs out as year-month-day, or leave it empty");
        if (completed is { } c && c > Today)
        {
            this.AddError("Training.Completed", "The date it was completed cannot be in the future");
        }
        if (completed is { } c2 && expires is { } e && e <= c2)
        {
            this.AddError("Training.Expires", "The date it runs out must be after the date it was completed");
        }
        decimal? hours = null;
        if (!string.IsNullOrWhiteSpace(Training.Hours))
        {
            if (decimal.TryParse(Training.Hours.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var h)
                && h > 0 && h <= TrainingRecord.MaxHours && decimal.Round(h, 2) == h)
            {
                hours = h;
            }
            else
            {
                this.AddError("Training.Hours", $"Enter the hours as a number greater than 0 and no more than {TrainingRecord.MaxHours:0}, or leave it empty");
            }
        }
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(organisationId, userId);
        }
        await records.RecordTrainingAsync(organisationId, userId, course!, completed!.Value, expires, hours, User.Actor());
        return Saved($"{course} training is recorded.", organisationId, userId);
    }

    public async Task<IActionResult> OnPostSupervisionAsync(Guid organisationId, Guid userId)
    {
        if (!await access.CanSuperviseAsync(User.UserId(), organisationId, userId))
        {
            return NotFound();
        }
        var date = Day("Session.Date", Session.Date, required: true, "Enter the date of the session as year-month-day");
        if (date is { } d && d > Today)
        {
            this.AddError("Session.Date", "Record a session once it has happened");
        }
        if (Session.Attended is not ("yes" or "no"))
        {
            this.AddError("Session.Attended", "Say whether they attended");
        }
        if (Session.Note?.Length > PeerSupportRecords.MaxNoteLength)
        {
            this.AddError("Session.Note", $"Keep the note to {PeerSupportRecords.MaxNoteLength:N0} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(organisationId, userId);
        }
        if (string.IsNullOrEmpty(Session.Under))
        {
            await records.RecordSupervisionAsync(organisationId, userId, date!.Value, Session.Attended == "yes", Session.Note, User.Actor());
            return Saved("The supervision session is recorded.", organisationId, userId);
        }
        try
        {
            if (!Guid.TryParse(Session.Under, out var under)
                || !await shared.RecordAsync(organisationId, userId, under, date!.Value, Session.Attended == "yes", Session.Note, User.Actor()))
            {
                return NotFound();
            }
        }
        catch (PeerSupportException ex)
        {
            this.AddError("Session.Date", ex.Message);
            return await InvalidAsync(organisationId, userId);
        }
        return Saved("The supervision session is recorded, given under the other organisation's offer.", organisationId, userId);
    }

    public async Task<IActionResult> OnPostDebriefHeldAsync(Guid organisationId, Guid userId, Guid debriefId)
    {
        if (!await access.CanSuperviseAsync(User.UserId(), organisationId, userId)
            || !await db.Debriefs.AnyAsync(d => d.Id == debriefId && d.UserId == userId && d.OrganisationId == organisationId)
            || !await records.RecordDebriefHeldAsync(organisationId, debriefId, User.Actor()))
        {
            return NotFound();
        }
        return Saved("The debrief is recorded as held.", organisationId, userId);
    }

    public async Task<IActionResult> OnPostBookDebriefAsync(Guid organisationId, Guid userId, Guid debriefId)
    {
        if (!await access.CanSuperviseAsync(User.UserId(), organisationId, userId))
        {
            return NotFound();
        }
        if (Day(nameof(BookedFor), BookedFor, required: true, "Enter the day it is booked for, as year-month-day") is { } day)
        {
            try
            {
                if (!await records.BookDebriefAsync(organisationId, userId, debriefId, day, User.Actor()))
                {
                    return NotFound();
                }
                return Saved($"The debrief is booked for {PlainWords.Date(day)}. They are told.", organisationId, userId);
            }
            catch (PeerSupportException ex)
            {
                this.AddError(nameof(BookedFor), ex.Message);
            }
        }
        BookingErrorFor = debriefId;
        return await InvalidAsync(organisationId, userId);
    }

    public async Task<IActionResult> OnPostBookSupervisionAsync(Guid organisationId, Guid userId)
    {
        if (!await access.CanSuperviseAsync(User.UserId(), organisationId, userId))
        {
            return NotFound();
        }
        if (Day(nameof(NextSupervision), NextSupervision, required: true, "Enter the day it is booked for, as year-month-day") is { } day)
        {
            try
            {
                if (string.IsNullOrEmpty(BookWith))
                {
                    await records.BookSupervisionAsync(organisationId, userId, day, User.Actor());
                    return Saved($"Their next supervision is booked for {PlainWords.Date(day)}. They are told.", organisationId, userId);
                }
                if (!Guid.TryParse(BookWith, out var under) || !await shared.BookAsync(organisationId, userId, under, day, User.Actor()))
                {
                    return NotFound();
                }
                return Saved($"Their next supervision is booked for {PlainWords.Date(day)}, with the other organisation's supervisor. They and that organisation are told.", organisationId, userId);
            }
            catch (PeerSupportException ex)
            {
                this.AddError(nameof(NextSupervision), ex.Message);
            }
        }
        return await InvalidAsync(organisationId, userId);
    }

    public async Task<IActionResult> OnPostSupervisionHeldAsync(Guid organisationId, Guid userId, Guid bookingId)
    {
        if (!await access.CanSuperviseAsync(User.UserId(), organisationId, userId))
        {
            return NotFound();
        }
        try
        {
            if (!await records.RecordBookedSupervisionHeldAsync(organisationId, userId, bookingId, User.Actor()))
            {
                return NotFound();
            }
        }
        catch (PeerSupportException ex)
        {
            this.AddError("SupervisionHeld", ex.Message);
            return await InvalidAsync(organisationId, userId);
        }
        return Saved("The supervision is recorded as held.", organisationId, userId);
    }

    public async Task<IActionResult> OnPostEndAssignmentAsync(Guid organisationId, Guid userId, Guid assignmentId)
    {
        if (!await access.CanSuperviseAsync(User.UserId(), organisationId, userId)
            || !await db.PeerAssignments.AnyAsync(a => a.Id == assignmentId && a.UserId == userId && a.OrganisationId == organisationId)
            || !await records.EndAssignmentAsync(organisationId, assignmentId, User.Actor()))
        {
            return NotFound();
        }
        return Saved("The assignment has ended.", organisationId, userId);
    }

    public async Task<IActionResult> OnPostWorkAsync(Guid organisationId, Guid userId)
    {
        if (!await access.CanSuperviseAsync(User.UserId(), organisationId, userId))
        {
            return NotFound();
        }
        if (Work.Validate(this) is not { } entry)
        {
            return await InvalidAsync(organisationId, userId);
        }
        await records.LogWorkAsync(userId, organisationId, entry.Kind, entry.Start, entry.Minutes, null, User.Actor());
        return Saved("The time is recorded.", organisationId, userId);
    }

    public async Task<IActionResult> OnPostOverrideAsync(Guid organisationId, Guid userId)
    {
        if (!await access.CanSuperviseAsync(User.UserId(), organisationId, userId))
        {
            return NotFound();
        }
        AssignmentKind? kind = Enum.TryParse<AssignmentKind>(Override.Kind, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null)
        {
            this.AddError("Override.Kind", "Choose what the override is for");
        }
        if (string.IsNullOrWhiteSpace(Override.Reason))
        {
            this.AddError("Override.Reason", "Give your reason: it is kept with your name");
        }
        else if (Override.Reason.Length > AssignmentOverride.MaxReasonLength)
        {
            this.AddError("Override.Reason", $"Keep the reason to {AssignmentOverride.MaxReasonLength:N0} characters or fewer");
        }
        if (kind is { } kk && ModelState.IsValid)
        {
            // Hard work: an override also covers a debrief left unheld too long, for this kind of work.
            var check = await gate.CheckAsync(userId, organisationId, kk, hardWork: true);
            if (check.Blocks.Count == 0)
            {
                this.AddError("Override.Kind", "Nothing stops them being given this now, so there is nothing to override");
            }
            else if (check.Blocks.Any(b => !b.Overridable))
            {
                this.AddError("Override.Kind", "A break they asked for cannot be overridden: wait until they say they are back");
            }
        }
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(organisationId, userId);
        }
        await records.RecordOverrideAsync(organisationId, userId, kind!.Value, Override.Reason!, User.Actor());
        return Saved("Your override is recorded, with your name and reason, for the next 24 hours.", organisationId, userId);
    }

    public static string Describe(AssignmentKind kind) => kind switch
    {
        AssignmentKind.GroupSession => "Facilitating group sessions",
        AssignmentKind.Referral => "Holding referrals",
        _ => "Moderating the wall",
    };

    private DateOnly Today => Waymark.Core.Schedules.UkTime.DateOf(time.GetUtcNow());

    private DateOnly? Day(string key, string? value, bool required, string error)
    {
        if (string.IsNullOrWhiteSpace(value) && !required)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        this.AddError(key, error);
        return null;
    }

    private RedirectToPageResult Saved(string message, Guid organisationId, Guid userId)
    {
        TempData["Success"] = message;
        return RedirectToPage(new { organisationId, userId });
    }

    private async Task<IActionResult> InvalidAsync(Guid organisationId, Guid userId)
    {
        await LoadAsync(organisationId, userId);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid organisationId, Guid userId)
    {
        if (!await access.CanSuperviseAsync(User.UserId(), organisationId, userId))
        {
            return false;
        }
        Now = time.GetUtcNow();
        OrganisationName = await db.Organizations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync();
        Email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync() ?? "";
        Standing = await gate.StandingAsync(userId, organisationId);
        Blocks = AssignmentGate.BlocksOf(Standing);
        var held = await db.PeerAssignments.Where(a => a.UserId == userId && a.OrganisationId == organisationId).Where(PeerAssignment.OpenAt(Now)).OrderBy(a => a.AssignedAt).ToListAsync();
        var rows = new List<Peer.IndexModel.AssignmentRow>();
        foreach (var a in held)
        {
            rows.Add(new Peer.IndexModel.AssignmentRow(a.Id, a.Kind, await Peer.IndexModel.DescribeAsync(db, a), a.AssignedAt));
        }
        Assignments = rows;
        Overrides = await db.AssignmentOverrides.AsNoTracking().Where(o => o.UserId == userId && o.OrganisationId == organisationId)
            .OrderByDescending(o => o.At).Take(20).ToListAsync();
        Supervision = await records.SupervisionAsync(userId, organisationId, User.Actor());
        SharedCheckIns = await records.CheckInsAsync(userId, organisationId, User.Actor());
        CourseChoices = Courses.Standard.Concat(Standing.Settings.Required).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        SupervisionOffers = await shared.ChoicesAsync(organisationId);
        if (Standing.NextSupervision?.OfferRequestId is { } bookedUnder)
        {
            NextSupervisionWith = await db.OfferRequests.Where(r => r.Id == bookedUnder)
                .Join(db.SharedOffers, r => r.OfferId, o => o.Id, (r, o) => o.OrganisationId)
                .Join(db.Organizations, id => id, o => o.Id, (id, o) => o.Name).FirstOrDefaultAsync();
        }
        return true;
    }
}
