using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Gazetteer;
using Waymark.Core.Insights;
using Waymark.Core.Matching;
using Waymark.Core.Safety;
using Waymark.Web.Infrastructure;
using Waymark.Web.Match;

namespace Waymark.Web.Pages.Find;

/// <summary>
/// <c>/find/results</c>: the matcher's answer for the same query string the API takes, as a page. A bad answer re-shows
/// the question it belongs to with an error summary and a 400 — never a 500, never JSON.
/// </summary>
public sealed class ResultsModel(
    Gazetteer gazetteer, DirectoryIndex index, Matcher matcher, HelpNowPhones phones, UnmetNeedRecorder unmetNeed, TimeProvider clock) : PageModel
{
    public FindAnswers Answers { get; private set; } = FindAnswers.Empty;

    public MatchQuery Query { get; private set; } = new();

    public MatchOutcome? Outcome { get; private set; }

    /// <summary>The instant results were judged at ("now", or the <c>at</c> answer).</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>Set when an answer was wrong: the question page to show instead of results.</summary>
    public StepForm? Form { get; private set; }

    public IReadOnlyList<FieldError> OtherErrors { get; private set; } = [];

    public bool Urgent => Query.Urgency == Urgency.Now;

    /// <summary>For someone who needs help now: the results without the crisis contacts shown above them, and what opens next.</summary>
    public HelpNowServices? HelpNow { get; private set; }

    /// <summary>The furthest the where-question offers: how far we look for something in person when nothing nearer fits.</summary>
    public const double InPersonLookKm = 50;

    /// <summary>
    /// Set when the person gave a place and would take support in person, but every result is by phone, text or online:
    /// nothing they could go to fits within their distance. Someone in a village with no buses needs to be told so,
    /// not left to work it out from the distances.
    /// </summary>
    public bool NothingInPersonNear { get; private set; }

    /// <summary>
    /// With <see cref="NothingInPersonNear"/>: the closest in-person service that fits everything else, looked for up to
    /// <see cref="InPersonLookKm"/> among the best <see cref="MatchQuery.MaxLimit"/>; null when there is none that near.
    /// </summary>
    public ServiceMatch? ClosestInPerson { get; private set; }

    /// <summary>Where we looked, in words: "Near Skipton (a town, city or village), within 15 km (about 9 miles)."</summary>
    public string SearchedWords
    {
        get
        {
            var remote = Core.Matching.Codes.Any(Query.Delivery ?? Core.Matching.Codes.AnyDelivery, Core.Matching.Codes.Remote);
            if (Outcome?.Place is not { } place)
            {
                return remote
                    ? "You didn’t say where you are, so these are services by phone, text or online."
                    : "You didn’t say where you are, so we could only look for services by phone, text or online.";
            }
            return Text.PlainWords.Where(place, Query.WithinKm) + (remote ? ". Also support by phone, text or online, wherever you are." : ".");
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Answers = FindAnswers.From(Request.Query);
        if (!FindAnswers.IsCanonical(Request.Query, Answers))
        {
            // Checkboxes arrive as repeated parameters: settle on the API's one-value form, so the address can be shared.
            return Redirect(Answers.Link("/find/results"));
        }
        var raw = Answers.ToQuery();
        var parse = await MatchQueryParser.ParseAsync(name => raw[name], gazetteer, index, ct);
        if (parse.DirectoryNotReady)
        {
            Response.Headers.RetryAfter = MatchApi.RetryAfterSeconds;
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (parse.Query is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var errors = FindJourney.Errors(parse, Answers.Value("near"));
            if (FindJourney.OwnerOf(errors[0].Parameter) is { } owner)
            {
                Form = FindJourney.Form(owner, Answers, [.. errors.Where(x => FindJourney.OwnerOf(x.Parameter) == owner)], action: "/find/results");
            }
            else
            {
                OtherErrors = errors;
            }
            return Page();
        }
        Query = parse.Query;

        if (!await index.WaitUntilReadyAsync(MatchApi.StartingWait, ct))
        {
            Response.Headers.RetryAfter = MatchApi.RetryAfterSeconds;
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        var now = clock.GetUtcNow();
        At = Query.At ?? now;
        var snapshot = index.Current;
        Outcome = matcher.Match(snapshot, Urgent ? Core.Safety.HelpNow.Widen(Query) : Query, now);
        if (Urgent)
        {
            // The phones come from memory when they were read for an earlier search since the last change to the
            // listings: a page needs no database otherwise.
            HelpNow = await Core.Safety.HelpNow.ShapeAsync(phones, matcher, snapshot, Query, Outcome, now, ct);
        }
        else
        {
            LookFurtherInPerson(snapshot, now);
        }
        if (Outcome.Results.Count == 0)
        {
            unmetNeed.Record(UnmetNeedKey.For(Query.Place, Query.GivenParameters, now));
        }
        return Page();
    }

    private void LookFurtherInPerson(DirectorySnapshot snapshot, DateTimeOffset now)
    {
        var accepted = Query.Delivery ?? Core.Matching.Codes.AnyDelivery;
        if (Outcome is not { Place: not null, Results.Count: > 0 } outcome
            || !Core.Matching.Codes.Any(accepted, Core.Matching.Codes.Local)
            || outcome.Results.Any(r => r.DistanceKm is not null))
        {
            return;
        }
        // Only this page asks (the API's contract has no such field), and only when no result shown is in person.
        var inPerson = Query with { Delivery = accepted & Core.Matching.Codes.Local };
        if (outcome.Results.Count < outcome.TotalMatches && matcher.Match(snapshot, inPerson with { Limit = 1 }, now).TotalMatches > 0)
        {
            return; // something in person is in range, further down the list than the results shown
        }
        NothingInPersonNear = true;
        if (Query.WithinKm < InPersonLookKm)
        {
            var further = matcher.Match(snapshot, inPerson with { WithinKm = InPersonLookKm, Limit = MatchQuery.MaxLimit }, now);
            ClosestInPerson = further.Results.Where(r => r.DistanceKm is not null).MinBy(r => r.DistanceKm);
        }
    }

    /// <summary>"Search up to 19 km away" for a service <paramref name="km"/> away; null past the furthest a search can reach.</summary>
    public (string Text, string Link)? SearchUpTo(double km)
    {
        // The distance is rounded to 0.1 km, so the next whole kilometre up is sure to take the service in.
        var further = Math.Floor(km) + 1;
        if (further > MatchQuery.MaxWithinKm)
        {
            return null;
        }
        var words = further.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ($"Search up to {words} km away", Answers.With("within_km", words).Link("/find/results"));
    }

    /// <summary>The name of an organisation chosen in <c>member_of</c>, for the answers in words.</summary>
    public string? OrganisationName(string id) => Guid.TryParse(id, out var g) ? index.Current.Organization(g)?.Name : null;

    /// <summary>
    /// One click to search again with a near miss let in; null when no answer can let it in: a service for people
    /// living in another area stays out whatever else the person says.
    /// </summary>
    public (string Text, string Link)? Relax(NearestMiss miss)
    {
        if (miss.Breaks == "near")
        {
            return null;
        }
        if (miss.Breaks == "within_km" && miss.DistanceKm is { } km && SearchUpTo(km) is { } further)
        {
            return further;
        }
        return ($"Search again without “{FindJourney.ParameterWords(miss.Breaks)}”", Answers.Without(miss.Breaks).Link("/find/results"));
    }
}
