using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Network;

namespace Waymark.Web.Network;

/// <summary>
/// "Works closely with …, who can refer you" on public pages: an organisation's agreed links, each one click from
/// the other organisation's page. A component, so the service and organisation pages each need one line.
/// </summary>
public sealed class WorksWithViewComponent(WorksWithLinks links) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid organisationId) => View(await links.AgreedAsync(organisationId));
}
