using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Groups;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Services;

/// <summary>A service's group sessions: the list, and the form to add one (or one a week for some weeks).</summary>
public sealed class GroupsModel(WaymarkDbContext db, OrganisationAccess access, GroupSessions groups) : ProviderPageModel(db, access)
{
    [BindProperty]
    public GroupSessionInput Input { get; set; } = new();

    public Service Service { get; private set; } = null!;

    public IReadOnlyList<GroupSession> Sessions { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Places { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Input = new GroupSessionInput { Weeks = "1", Where = Places.Count == 1 ? Places.Keys.First().ToString() : null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ModelState.Clear();
        try
        {
            var added = await groups.AddAsync(User.Actor(), id, Input);
            if (added is null)
            {
                return NotFound();
            }
            return Saved(added.Count == 1 ? "The session is added." : $"{added.Count} sessions are added, one a week.", new { id });
        }
        catch (GroupSessionException e)
        {
            this.AddErrors(e.Errors, "Input.");
            return Invalid();
        }
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var service = await EditableServiceAsync(id);
        var sessions = service is null ? null : await groups.ForProviderAsync(User.Actor(), id);
        if (service is null || sessions is null)
        {
            return false;
        }
        Service = service;
        Sessions = sessions;
        Places = await groups.PlacesAsync(id);
        return true;
    }
}
