using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Waymark.Core.Data;
using Waymark.Core.Gazetteer;
using Waymark.Core.Matching;
using Waymark.Web.Infrastructure;
using Waymark.Web.Match;
using Waymark.Web.Pages.Find;

namespace Waymark.Web.Pages.Navigator;

/// <summary>
/// Finds a service to refer someone to: by name, by place (the public matcher, nearest and best first, with
/// support by phone or online too), or both. For every other need, the public find journey shows navigators
/// a "refer" link on each result.
/// </summary>
public sealed class FindModel(WaymarkDbContext db, Gazetteer gazetteer, DirectoryIndex index, Matcher matcher, TimeProvider clock) : PageModel
{
    public const int MaxNameLength = 100;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Near { get; set; }

    public sealed record Found(Guid Id, string Name, string Organisation, string? HowFar);

    public IReadOnlyList<Found> Services { get; private set; } = [];

    public bool Searched { get; private set; }

    /// <summary>The places a repeated name could be, or the closest names to an unknown one, each a search of its own.</summary>
    public IReadOnlyList<Choice> NearChoices { get; private set; } = [];

    public string ChoiceLink(Choice choice)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            query["q"] = Q.Trim();
        }
        query["near"] = choice.Value;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/navigator/refer", query);
    }

    /// <summary>"Near Skipton (a town, city or village), within 15 km (about 9 miles)", when a place was given.</summary>
    public string? Where { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var q = Q?.Trim() ?? "";
        var near = Near?.Trim() ?? "";
        if (q.Length > MaxNameLength)
        {
            this.AddError(nameof(Q), $"Enter {MaxNameLength} characters or fewer of the name");
        }
        MatchQuery? query = null;
        if (near.Length > 0)
        {
            var raw = new Dictionary<string, StringValues>(StringComparer.Ordinal)
            {
                ["near"] = near,
                ["limit"] = MatchQuery.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            var parse = await MatchQueryParser.ParseAsync(name => raw.GetValueOrDefault(name), gazetteer, index, ct);
            query = parse.Query;
            foreach (var error in FindJourney.Errors(parse, near))
            {
                this.AddError(nameof(Near), error.Message);
                NearChoices = error.Choices;
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (q.Length == 0 && query is null)
        {
            return Page();
        }
        Searched = true;
        if (query is null)
        {
            Services = await ByNameAsync(q, ct);
            return Page();
        }

        if (!await index.WaitUntilReadyAsync(MatchApi.StartingWait, ct))
        {
            Response.Headers.RetryAfter = MatchApi.RetryAfterSeconds;
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        var outcome = matcher.Match(index.Current, query, clock.GetUtcNow());
        Where = outcome.Place is { } place ? Text.PlainWords.Where(place, query.WithinKm) : null;
        Services = outcome.Results
            .Where(r => r.OrganizationId is not null && r.OrganizationName is not null)
            .Where(r => q.Length == 0 || r.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || r.OrganizationName!.Contains(q, StringComparison.OrdinalIgnoreCase))
            .Select(r => new Found(r.Id, r.Name, r.OrganizationName!, Text.PlainWords.Distance(r.DistanceKm, r.Delivery)))
            .ToList();
        return Page();
    }

    private async Task<IReadOnlyList<Found>> ByNameAsync(string q, CancellationToken ct)
    {
        var pattern = "%" + q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).ToUpperInvariant() + "%";
        var found = await db.Services
            .Where(s => s.OrganizationId != null && (EF.Functions.Like(s.Name.ToUpper(), pattern, "\\") || EF.Functions.Like(s.Organization!.Name.ToUpper(), pattern, "\\")))
            .OrderBy(s => s.Name).Take(20)
            .Select(s => new { s.Id, s.Name, Organisation = s.Organization!.Name }).ToListAsync(ct);
        return found.Select(s => new Found(s.Id, s.Name, s.Organisation, null)).ToList();
    }
}
