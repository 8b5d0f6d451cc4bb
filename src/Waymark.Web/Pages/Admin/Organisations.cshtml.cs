using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Web.Pages.Admin;

public sealed class OrganisationsModel(WaymarkDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, int Members);

    public IReadOnlyList<Row> Organisations { get; private set; } = [];

    public async Task OnGetAsync() =>
        Organisations = await db.Organizations.OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, db.OrganisationMemberships.Count(m => m.OrganizationId == o.Id)))
            .ToListAsync();
}
