using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Listings;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Provider;

/// <summary>The provider's dashboard: their organisations and services, which need checking, and open reports.</summary>
public sealed class IndexModel(WaymarkDbContext db, OrganisationAccess access, ReferralService referrals, TimeProvider time) : ProviderPageModel(db, access)
{
    public sealed record ServiceRow(Guid Id, string Name, string Status, DateOnly? AssuredDate, Freshness Freshness, int OpenReports);

    public sealed record OrganisationRow(Guid Id, string Name, IReadOnlyList<ServiceRow> Services);

    public sealed record ReportRow(Guid Id, Guid ServiceId, string ServiceName, string Message, string? Email, DateTimeOffset ReceivedAt);

    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];
    public IReadOnlyList<ReportRow> Reports { get; private set; } = [];
    /// <summary>Referrals to the user's organisations that nobody has opened yet.</summary>
    public int NewReferrals { get; private set; }

    public int NeedChecking => Organisations.Sum(o => o.Services.Count(s => s.Freshness != Freshness.Fresh));

    public async Task OnGetAsync()
    {
        var today = ListingFreshness.UkToday(time);
        NewReferrals = await referrals.NewCountAsync(User.Actor());
        var orgIds = await Access.EditableOrganisationIdsAsync(User.UserId());
        var orgs = await Db.Organizations.Where(o => orgIds.Contains(o.Id)).OrderBy(o => o.Name).Take(100)
            .Select(o => new { o.Id, o.Name }).ToListAsync();
        var ids = orgs.Select(o => o.Id).ToList();
        var services = await Db.Services.Where(s => s.OrganizationId != null && ids.Contains(s.OrganizationId.Value))
            .Select(s => new { s.Id, s.OrganizationId, s.Name, s.Status, s.AssuredDate }).ToListAsync();
        var serviceIds = services.Select(s => s.Id).ToList();
        var reports = await Db.ListingReports.Where(r => r.ResolvedAt == null && serviceIds.Contains(r.ServiceId)).ToListAsync();

        Organisations = orgs.Select(o => new OrganisationRow(o.Id, o.Name, services
            .Where(s => s.OrganizationId == o.Id)
            .OrderBy(s => s.Name, StringComparer.CurrentCulture)
            .Select(s => new ServiceRow(s.Id, s.Name, s.Status, s.AssuredDate, ListingFreshness.Of(s.AssuredDate, today), reports.Count(r => r.ServiceId == s.Id)))
            .ToList())).ToList();
        Reports = reports.OrderBy(r => r.ReceivedAt)
            .Select(r => new ReportRow(r.Id, r.ServiceId, services.First(s => s.Id == r.ServiceId).Name, r.Message, r.Email, r.ReceivedAt))
            .ToList();
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid reportId)
    {
        if (!await Access.CanManageReportAsync(User.UserId(), reportId))
        {
            return NotFound();
        }
        var report = await Db.ListingReports.SingleAsync(r => r.Id == reportId);
        report.ResolvedAt = time.GetUtcNow();
        report.ResolvedBy = UpdatedBy;
        await Db.SaveChangesAsync();
        return Saved("The report is marked as resolved.");
    }
}
