using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Services;

/// <summary>Opening times as a weekly timetable: tick days, give opening and closing times; "add another time" needs no JavaScript.</summary>
public sealed class TimetableModel(WaymarkDbContext db, OrganisationAccess access, ListingEditor editor) : ProviderPageModel(db, access)
{
    [BindProperty]
    public List<TimetableRowInput> Rows { get; set; } = [];

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
        Rows = Timetable.RowsOf(service.Schedules).Select(r => new TimetableRowInput { Days = [.. r.Days], Opens = r.Opens, Closes = r.Closes }).ToList();
        Rows.Add(new TimetableRowInput());
        ClosedOnBankHolidays = Timetable.ClosesOnBankHolidays(service);
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
        Rows.Add(new TimetableRowInput());
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
        var errors = await editor.UpdateTimetableAsync(service, Rows, ClosedOnBankHolidays, UpdatedBy);
        if (errors.Count > 0)
        {
            this.AddErrors(errors);
            return Invalid();
        }
        TempData["Success"] = "The opening times are saved.";
        return RedirectToPage("/Provider/Services/Edit", new { id });
    }
}
