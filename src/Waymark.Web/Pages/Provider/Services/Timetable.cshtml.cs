using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Listings;

using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Services;

/// <summary>Opening times as a weekly timetable: tick days, give opening and closing times; "add another time" needs no JavaScript.</summary>
public sealed class TimetableModel(WaymarkDbContext db, OrganisationAccess access, ListingChanges changes) : ProviderPageModel(db, access)
{
    private static readonly Guid BankHolidayTerm = Vocabulary.TermId("schedule:closed-bank-holidays");

    [BindProperty]
    public List<TimetableRow> Rows { get; set; } = [];

    [BindProperty]
    public bool ClosedOnBankHolidays { get; set; }

    public Service Service { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var service = await EditableServiceAsync(id);
        if (service is null)
        {
            return NotFound();
        }
        Service = service;
        Rows = Timetable.RowsOf(service.Schedules).Select(r => new TimetableRow { Days = [.. r.Days], Opens = r.Opens, Closes = r.Closes }).ToList();
        Rows.Add(new TimetableRow());
        ClosedOnBankHolidays = service.Attributes.Any(a => a.TaxonomyTermId == BankHolidayTerm);
        return Page();
    }

    public async Task<IActionResult> OnPostAddRowAsync(Guid id)
    {
        var service = await EditableServiceAsync(id);
        if (service is null)
        {
            return NotFound();
        }
        Service = service;
        ModelState.Clear();
        Rows.Add(new TimetableRow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var service = await EditableServiceAsync(id);
        if (service is null)
        {
            return NotFound();
        }
        Service = service;
        ModelState.Clear();
        var rows = new List<Timetable.Row>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var r = Rows[i];
            if (r.Days.Count == 0 && string.IsNullOrWhiteSpace(r.Opens) && string.IsNullOrWhiteSpace(r.Closes))
            {
                continue;
            }
            var n = i + 1;
            if (r.Days.Count == 0 || r.Days.Any(d => Timetable.Days.All(x => x.Code != d)))
            {
                this.AddError($"Rows[{i}].Days", $"Time {n}: choose at least one day");
            }
            var opensOk = Timetable.TryParseTime(r.Opens, out var opens);
            var closesOk = Timetable.TryParseTime(r.Closes, out var closes);
            if (!opensOk)
            {
                this.AddError($"Rows[{i}].Opens", $"Time {n}: enter the opening time as hours and minutes, like 09:30");
            }
            if (!closesOk)
            {
                this.AddError($"Rows[{i}].Closes", $"Time {n}: enter the closing time as hours and minutes, like 17:00");
            }
            else if (opensOk && opens == closes)
            {
                this.AddError($"Rows[{i}].Closes", $"Time {n}: the closing time must be different from the opening time");
            }
            if (ModelState.IsValid)
            {
                rows.Add(new Timetable.Row(r.Days, opens, closes));
            }
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var before = ListingHistory.FieldsOf(service);
        foreach (var old in service.Schedules.Where(Timetable.IsWeekly).ToList())
        {
            service.Schedules.Remove(old);
        }
        service.Schedules.AddRange(rows.Select(r => Timetable.ToSchedule(r, service.Id)));
        var bankHoliday = service.Attributes.FirstOrDefault(a => a.TaxonomyTermId == BankHolidayTerm);
        if (ClosedOnBankHolidays && bankHoliday is null)
        {
            service.Attributes.Add(new ServiceAttribute { Id = Guid.NewGuid(), ServiceId = service.Id, TaxonomyTermId = BankHolidayTerm });
        }
        else if (!ClosedOnBankHolidays && bankHoliday is not null)
        {
            service.Attributes.Remove(bankHoliday);
        }
        service.LastModified = changes.Now;
        await changes.SaveAsync(ListingHistory.ServiceType, service.Id, before, ListingHistory.FieldsOf(service), UpdatedBy);
        TempData["Success"] = "The opening times are saved.";
        return RedirectToPage("/Provider/Services/Edit", new { id });
    }
}

public sealed class TimetableRow
{
    public List<string> Days { get; set; } = [];
    public string? Opens { get; set; }
    public string? Closes { get; set; }
}
