using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.PeerSupport;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.People;

/// <summary>
/// The organisation's peer supporters at a glance, overdue items first, with its settings (caps, caseload,
/// supervision frequency, initial training hours, required courses) and named supervisors. Only for the organisation's supervisors
/// (provider-admins and named staff): any other organisation is "not found".
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, PeerSupportAccess access, AssignmentGate gate, PeerSupportLoad load, PeerSupportRecords records, TimeProvider time) : PageModel
{
    public sealed record PersonRow(Guid UserId, string Email, PeerStanding Standing, IReadOnlyList<AssignmentBlock> Blocks, int Concerns);

    public sealed record TeamView(Guid Id, string Name, PeerSupportSettings Settings, IReadOnlyList<PersonRow> People, IReadOnlyList<string> Supervisors);

    public sealed class SettingsInput
    {
        public string? DayHours { get; set; }
        public string? WeekHours { get; set; }
        public string? Caseload { get; set; }
        public string? SupervisionWeeks { get; set; }
        public string? InitialHours { get; set; }
        public List<string> Required { get; set; } = [];
        public string? OwnCourses { get; set; }
    }

    public IReadOnlyList<TeamView> Teams { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public Guid? ErrorsFor { get; private set; }

    [BindProperty]
    public SettingsInput Settings { get; set; } = new();

    [BindProperty]
    public string? SupervisorEmail { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSettingsAsync(Guid organisationId)
    {
        if (!await access.CanSuperviseAsync(User.UserId(), organisationId))
        {
            return NotFound();
        }
        var day = Hours("Settings.DayHours", Settings.DayHours, 24);
        var week = Hours("Settings.WeekHours", Settings.WeekHours, 168);
        var caseload = Whole("Settings.Caseload", Settings.Caseload, 1, 100, "Enter the caseload limit, a whole number from 1 to 100");
        var weeks = Whole("Settings.SupervisionWeeks", Settings.SupervisionWeeks, 1, 26, "Enter how often supervision is due, in whole weeks from 1 to 26");
        var initial = Whole("Settings.InitialHours", Settings.InitialHours, 0, PeerSupportSettings.MaxInitialTrainingHours,
            $"Enter the hours of initial training needed before practice, a whole number from 0 to {PeerSupportSettings.MaxInitialTrainingHours} (0 for none)");
        if (day is not null && week is not null && week < day)
        {
            this.AddError("Settings.WeekHours", "The hours in 7 days cannot be fewer than the hours in 24 hours");
        }
        var own = (Settings.OwnCourses ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (own.Any(c => c.Length > Courses.MaxNameLength))
        {
            this.AddError("Settings.OwnCourses", $"Keep each course name to {Courses.MaxNameLength} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(organisationId);
        }
        var required = Settings.Required.Where(Courses.Standard.Contains).Concat(own);
        await records.SaveSettingsAsync(organisationId, day!.Value, week!.Value, caseload!.Value, weeks!.Value * 7, initial!.Value, required, User.Actor());
        TempData["Success"] = "The peer support settings are saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSupervisorAsync(Guid organisationId)
    {
        if (!await access.CanSuperviseAsync(User.UserId(), organisationId))
        {
            return NotFound();
        }
        try
        {
            await records.NameSupervisorAsync(organisationId, SupervisorEmail ?? "", User.Actor());
        }
        catch (PeerSupportException ex)
        {
            this.AddError(nameof(SupervisorEmail), ex.Message);
            return await InvalidAsync(organisationId);
        }
        TempData["Success"] = $"{SupervisorEmail!.Trim()} can now supervise peer supporters here.";
        return RedirectToPage();
    }

    private int? Hours(string key, string? value, int max)
    {
        if (double.TryParse(value?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var h) && h > 0 && h <= max)
        {
            return (int)Math.Round(h * 60);
        }
        this.AddError(key, $"Enter a number of hours greater than 0 and no more than {max}");
        return null;
    }

    private int? Whole(string key, string? value, int min, int max, string error)
    {
        if (int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }
        this.AddError(key, error);
        return null;
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
        var orgIds = access.SupervisedOrganisationIds(User.UserId());
        var orgs = await db.Organizations.Where(o => orgIds.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).Take(50).ToListAsync();
        var teams = new List<TeamView>();
        foreach (var org in orgs)
        {
            var people = await db.OrganisationMemberships.Where(m => m.OrganizationId == org.Id && m.Role == MembershipRoles.PeerSupporter)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email }).Take(500).ToListAsync();
            var rows = new List<PersonRow>();
            foreach (var p in people)
            {
                var standing = await gate.StandingAsync(p.Id, org.Id);
                rows.Add(new PersonRow(p.Id, p.Email ?? "", standing, AssignmentGate.BlocksOf(standing), standing.Concerns(Now)));
            }
            var supervisors = (await access.SupervisorsAsync(org.Id)).Select(s => s.Email).Order(StringComparer.Ordinal).ToList();
            teams.Add(new TeamView(org.Id, org.Name, await load.SettingsAsync(org.Id),
                rows.OrderByDescending(r => r.Concerns).ThenByDescending(r => r.Blocks.Count).ThenBy(r => r.Email, StringComparer.Ordinal).ToList(), supervisors));
        }
        Teams = teams;
    }
}
