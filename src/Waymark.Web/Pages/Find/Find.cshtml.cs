using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Gazetteer;
using Waymark.Core.Matching;
using Waymark.Web.Match;

namespace Waymark.Web.Pages.Find;

/// <summary>
/// <c>/find</c>: what the journey asks and, once there are answers, a check of them with a way to change each;
/// <c>/find/{step}</c>: one question page. Answers that arrive wrong re-show the page that asks for them, with a 400.
/// </summary>
public sealed class FindModel(Gazetteer gazetteer, DirectoryIndex index) : PageModel
{
    public FindAnswers Answers { get; private set; } = FindAnswers.Empty;

    /// <summary>The question page to show, or null for the start of the journey.</summary>
    public StepForm? Form { get; private set; }

    /// <summary>Errors no question page asks about (a hand-edited address): shown with a way to start again.</summary>
    public IReadOnlyList<FieldError> OtherErrors { get; private set; } = [];

    /// <summary>The name of an organisation chosen in <c>member_of</c>, for the answers in words.</summary>
    public string? OrganisationName(string id) => Guid.TryParse(id, out var g) ? index.Current.Organization(g)?.Name : null;

    public async Task<IActionResult> OnGetAsync(string? step, CancellationToken ct)
    {
        var asked = step is null ? null : FindJourney.Step(step);
        if (step is not null && asked is null)
        {
            return NotFound();
        }
        Answers = FindAnswers.From(Request.Query);
        MatchQuery? query;
        IReadOnlyList<FieldError> errors;
        try
        {
            (query, errors) = await FindJourney.CheckAsync(Answers, gazetteer, index, ct);
        }
        catch (DirectoryNotReadyException)
        {
            Response.Headers.RetryAfter = MatchApi.RetryAfterSeconds;
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            if (FindJourney.OwnerOf(errors[0].Parameter) is { } owner)
            {
                Form = await WithChoicesAsync(FindJourney.Form(owner, Answers, [.. errors.Where(e => FindJourney.OwnerOf(e.Parameter) == owner)]), query, ct);
            }
            else
            {
                OtherErrors = errors;
            }
            return Page();
        }
        Form = asked is null ? null : await WithChoicesAsync(FindJourney.Form(asked, Answers, []), query, ct);
        return Page();
    }

    /// <summary>The "you" step's organisations, from the search snapshot (just after a start, once it is in; without it, none).</summary>
    private async Task<StepForm> WithChoicesAsync(StepForm form, MatchQuery? query, CancellationToken ct) =>
        form.Step.Parameters.Contains("member_of") && await index.WaitUntilReadyAsync(MatchApi.StartingWait, ct)
            ? form with { Organisations = FindJourney.OrganisationChoices(index.Current, query, Answers) }
            : form;
}
