using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Matching;
using Waymark.Web.Infrastructure;
using Waymark.Web.Match;
using Waymark.Web.Text;

namespace Waymark.Web.Pages.Find;

public sealed record Choice(string Value, string Label, string? Hint = null);

/// <summary>One page of the journey and the answers (parameters, or items of <c>prefer</c>) it asks for.</summary>
public sealed record FindStep(string Slug, string Title, string Question, string Intro, IReadOnlyList<string> Parameters)
{
    /// <summary>Whether this step asks for the item: the "who" step owns only the <c>prefer</c> items it shows.</summary>
    public bool Owns(string parameter, string item) =>
        Parameters.Contains(parameter)
        && (parameter != "prefer" || item.StartsWith("delivered-by:", StringComparison.Ordinal) || item.StartsWith("audience:", StringComparison.Ordinal));
}

/// <summary>
/// An error on one answer, worded for a person, and the field it belongs to; for a place name, the places it could
/// be or the closest names, to choose from.
/// </summary>
public sealed record FieldError(string Parameter, string Message)
{
    public IReadOnlyList<Choice> Choices { get; init; } = [];
}

/// <summary>What a step page needs to draw its form.</summary>
public sealed record StepForm(
    FindStep Step,
    FindAnswers Answers,
    string Action,
    string BackLink,
    string SkipLink,
    IReadOnlyList<FieldError> Errors)
{
    /// <summary>For the "you" step: organisations with support only for their own people, that the person could name.</summary>
    public IReadOnlyList<Choice> Organisations { get; init; } = [];

    public int Number => FindJourney.Steps.ToList().IndexOf(Step) + 1;

    public bool IsLast => Step == FindJourney.Steps[^1];

    /// <summary>Every answer this page does not ask for, carried along as hidden inputs.</summary>
    public IEnumerable<(string Name, string Value)> Hidden()
    {
        var rest = Answers.Without(Step.Owns);
        return rest.Names.Select(n => (n, rest.Value(n)!));
    }

    public string? ErrorFor(string parameter) => Errors.FirstOrDefault(e => e.Parameter == parameter)?.Message;

    /// <summary>What to choose from instead of the answer given: the places a name could be, or the closest names.</summary>
    public IReadOnlyList<Choice> ChoicesFor(string parameter) => Errors.FirstOrDefault(e => e.Parameter == parameter)?.Choices ?? [];
}

/// <summary>
/// The find-support journey: six short GET pages, each optional. Why steps and not one long form: a person who may
/// be in distress sees one small, calm question at a time, can skip any of them with one link, and can jump to
/// results from any page; every answer rides in the query string, so nothing is stored and no cookie is set, and the
/// journey works with JavaScript off.
/// </summary>
public static class FindJourney
{
    public static readonly IReadOnlyList<FindStep> Steps =
    [
        new("where", "Where you are", "Where are you, and how far can you travel?",
            "We use this only to work out distances. We don’t keep it.", ["near", "within_km"]),
        new("how", "How you’d like support", "How would you like to get support?",
            "Choose as many as you like. If you don’t mind, leave them empty.", ["delivery", "format"]),
        new("when", "When suits you", "When suits you?",
            "We’ll show services that are open at one of the times you choose.", ["when"]),
        new("who", "Who you’d like to talk to", "Who would you like to talk to?",
            "We’ll show these first, but we’ll still show other services that fit.", ["prefer"]),
        new("you", "About you", "About you",
            "Some services are only for some people. Telling us helps us leave out ones you can’t use.", ["age", "gender", "circumstances", "member_of", "language"]),
        new("needs", "What you need", "Is there anything you need?",
            "We’ll only show services that offer everything you choose here.", ["needs", "free", "access"]),
    ];

    public static FindStep? Step(string slug) => Steps.FirstOrDefault(s => s.Slug == slug);

    public static FindStep? OwnerOf(string parameter) => Steps.FirstOrDefault(s => s.Parameters.Contains(parameter));

    public static string StepLink(FindStep step, FindAnswers answers) => answers.Link("/find/" + step.Slug);

    /// <summary>The form for a step: it goes on to the next step, or straight to results for someone who needs help now.</summary>
    public static StepForm Form(FindStep step, FindAnswers answers, IReadOnlyList<FieldError> errors, string? action = null)
    {
        var i = Steps.ToList().IndexOf(step);
        var urgent = answers.Value("urgency") == "now";
        var next = i + 1 < Steps.Count && !urgent ? "/find/" + Steps[i + 1].Slug : "/find/results";
        var back = i == 0 ? answers.Link("/find") : StepLink(Steps[i - 1], answers);
        var skip = answers.Without(step.Owns).Link(next);
        return new StepForm(step, answers, action ?? next, back, skip, errors);
    }

    /// <summary>
    /// Checks the answers with the matching API's own parser, so the pages and the API can never disagree: the search
    /// they make, or what is wrong with them. Throws <see cref="DirectoryNotReadyException"/> when the directory is still loading.
    /// </summary>
    public static async Task<(MatchQuery? Query, IReadOnlyList<FieldError> Errors)> CheckAsync(FindAnswers answers, Gazetteer gazetteer, DirectoryIndex directory, CancellationToken ct)
    {
        var raw = answers.ToQuery();
        var parse = await MatchQueryParser.ParseAsync(name => raw[name], gazetteer, directory, ct);
        if (parse.DirectoryNotReady)
        {
            throw new DirectoryNotReadyException();
        }
        return parse.Query is { } query ? (query, []) : (null, Errors(parse, answers.Value("near")));
    }

    /// <summary>
    /// The organisations the "you" step offers: those running support only for their own people that the person could
    /// use where they are, and any they have already chosen (so changing the place never silently drops a choice).
    /// </summary>
    public static IReadOnlyList<Choice> OrganisationChoices(DirectorySnapshot directory, MatchQuery? query, FindAnswers answers)
    {
        var offered = MembersOnly.OrganisationsFor(directory, query?.Place, query?.WithinKm ?? MatchQuery.DefaultWithinKm).ToList();
        foreach (var chosen in answers.Items("member_of"))
        {
            if (Guid.TryParse(chosen, out var id) && !offered.Exists(o => o.Id == id) && directory.Organization(id) is { } organization)
            {
                offered.Add(organization);
            }
        }
        return [.. offered.Select(o => new Choice(o.Id.ToString(), o.Name))];
    }

    /// <summary>The API's errors in the order the journey asks the questions, worded for a person.</summary>
    public static IReadOnlyList<FieldError> Errors(MatchQueryParse parse, string? near = null) =>
        [.. parse.Errors
            .OrderBy(kv => MatchQueryParser.Parameters.ToList().IndexOf(kv.Key))
            .Select(kv => kv.Key == "near" ? NearError(parse, near ?? "") : new FieldError(kv.Key, Message(kv.Key, kv.Value.FirstOrDefault() ?? "")))];

    /// <summary>
    /// A place name that gave no one place: never "check the spelling" — the places it could be, or the closest
    /// names, to choose from, and a postcode always works.
    /// </summary>
    private static FieldError NearError(MatchQueryParse parse, string near)
    {
        var typed = near.Trim();
        if (parse.NearCandidates.Select(PlaceChoice.Of).ToList() is { Count: > 0 } candidates)
        {
            return new FieldError("near", $"There are {candidates.Count} places called {candidates[0].Name}. Choose the one you mean, or enter your postcode.")
            {
                Choices = [.. candidates.Select(c => new Choice(c.Near, c.Near, KindWords(c.Kind)))],
            };
        }
        if (parse.NearSuggestions is { Count: > 0 } suggestions)
        {
            return new FieldError("near", $"We don’t know a place called “{typed}”. Choose a place from the list, or enter your postcode.")
            {
                Choices = [.. suggestions.Select(name => new Choice(name, name))],
            };
        }
        return new FieldError("near", typed.Length == 0 || Gazetteer.IsPostcodeShaped(typed) || Gazetteer.LooksLikeCoordinates(typed)
            ? "We could not find that postcode. Enter a postcode such as S1 2HE, or the name of a town or village such as Skipton."
            : $"We don’t know a place called “{typed}”. Enter your postcode, such as S1 2HE, or the name of the nearest town.");
    }

    private static string KindWords(string kind) => kind switch
    {
        "city" => "A city",
        "town" => "A town",
        "village" => "A village",
        "hamlet" => "A hamlet",
        "suburb" => "Part of a town or city",
        _ => "A small place",
    };

    public static string Message(string parameter, string apiMessage) => parameter switch
    {
        "within_km" => "Enter how far you can travel as a number of kilometres, above 0 and up to 200.",
        "age" => "Enter your age as a whole number, such as 34.",
        "language" => "Choose a language from the list.",
        "delivery" or "format" or "when" or "needs" or "circumstances" or "member_of" or "prefer" or "gender" =>
            "We did not understand one of the choices. Choose again from the list.",
        _ => apiMessage,
    };

    // ---- The choices each step offers ----------------------------------------------------------

    public static readonly IReadOnlyList<Choice> Distances =
    [
        new("3", "Up to 3 km (about 2 miles)", "About a 40-minute walk"),
        new("8", "Up to 8 km (about 5 miles)"),
        new("15", "Up to 15 km (about 9 miles)"),
        new("30", "Up to 30 km (about 19 miles)"),
        new("50", "Up to 50 km (about 31 miles)"),
    ];

    public static readonly IReadOnlyList<Choice> Delivery =
    [
        new("in-person", "In person"),
        new("phone", "By phone"),
        new("online", "Online", "For example, a video call or a chat"),
        new("text", "By text message"),
        new("home-visit", "At home", "Someone visits you"),
    ];

    public static readonly IReadOnlyList<Choice> Format =
    [
        new("one-to-one", "One-to-one", "Just you and one other person"),
        new("group", "A group", "With other people who understand"),
        new("drop-in", "A drop-in", "Turn up without an appointment"),
        new("helpline", "A helpline", "Call and talk to someone"),
        new("self-help", "Self-help", "Things you can do in your own time"),
        new("online-community", "An online community", "Talk with others online"),
    ];

    public static readonly IReadOnlyList<Choice> When =
    [
        new("weekday-daytime", "Weekdays, in the day", "Monday to Friday, 9am to 5pm"),
        new("weekday-evening", "Weekday evenings", "Monday to Friday, 5pm to 10pm"),
        new("weekend", "Weekends", "Saturday and Sunday"),
    ];

    public static readonly IReadOnlyList<Choice> DeliveredBy =
    [
        new("delivered-by:peer", "People who have been through it themselves", "Sometimes called peer support or lived experience"),
        new("delivered-by:volunteer", "Trained volunteers"),
        new("delivered-by:support-worker", "Support workers"),
        new("delivered-by:counsellor", "Counsellors"),
        new("delivered-by:psychologist", "Psychologists"),
        new("delivered-by:nurse", "Nurses"),
        new("delivered-by:doctor", "Doctors"),
    ];

    public static IReadOnlyList<Choice> Audiences { get; } =
        [.. Vocabulary.Family("audience").Select(t => new Choice(t.Code, t.Label))];

    public static readonly IReadOnlyList<Choice> Genders =
    [
        new("", "I’d rather not say"),
        new("woman", "A woman"),
        new("man", "A man"),
        new("non-binary", "Non-binary"),
    ];

    public static readonly IReadOnlyList<Choice> Circumstances =
    [
        new("student", "I’m a student", "Some services are only for students"),
        new("employee", "I’m in work", "Some services are only for people who work for an employer"),
    ];

    public static readonly IReadOnlyList<Choice> Needs =
    [
        new("wheelchair", "Step-free or wheelchair access"),
        new("bsl", "British Sign Language (BSL)"),
        new("interpreter", "An interpreter"),
        new("hearing-loop", "A hearing loop"),
        new("neurodivergent-adjustments", "Changes for autistic or neurodivergent people", "For example, clear plans, no surprises, or a different way to talk"),
        new("quiet-space", "A quiet space"),
        new("easy-read", "Easy read information"),
    ];

    /// <summary>Languages most spoken in Yorkshire and the Humber after English, then any other the address asks for.</summary>
    private static readonly string[] CommonLanguages =
        ["en", "ar", "bn", "zh", "cs", "fa", "fr", "gu", "hi", "ku", "lv", "lt", "ps", "pl", "pt", "pa", "ro", "ru", "sk", "so", "es", "ta", "ti", "tr", "uk", "ur", "cy"];

    public static IReadOnlyList<Choice> LanguagesFor(string? chosen)
    {
        var codes = CommonLanguages.ToList();
        if (chosen is { } c && Languages.IsIso6391(c) && !codes.Contains(c))
        {
            codes.Add(c);
        }
        return [new Choice("", "Any language — English is fine"),
            .. codes.Select(code => new Choice(code, Languages.NamesByCode[code])).OrderBy(x => x.Value == "en" ? "" : x.Label, StringComparer.Ordinal)];
    }

    // ---- Answers in words ----------------------------------------------------------------------

    /// <summary>A step's answers in words, or null when the person skipped it. <paramref name="organisationName"/> names a <c>member_of</c> id.</summary>
    public static string? Describe(FindStep step, FindAnswers answers, Func<string, string?>? organisationName = null)
    {
        var parts = new List<string>();
        switch (step.Slug)
        {
            case "where":
                if (answers.Value("near") is { } near)
                {
                    parts.Add($"Near {near}");
                }
                if (answers.Value("within_km") is { } km)
                {
                    parts.Add($"up to {km} km away");
                }
                break;
            case "how":
                if (answers.Has("delivery"))
                {
                    parts.Add(PlainWords.JoinOr(Labels(Delivery, answers.Items("delivery"))));
                }
                if (answers.Has("format"))
                {
                    parts.Add(PlainWords.JoinOr(Labels(Format, answers.Items("format"))));
                }
                break;
            case "when":
                if (answers.Has("when"))
                {
                    parts.Add(PlainWords.JoinOr(Labels(When, answers.Items("when"))));
                }
                break;
            case "who":
                var shown = answers.Items("prefer").Where(i => step.Owns("prefer", i)).ToList();
                if (shown.Count > 0)
                {
                    parts.Add(PlainWords.JoinOr(Labels([.. DeliveredBy, .. Audiences], shown)));
                }
                break;
            case "you":
                if (answers.Value("age") is { } age)
                {
                    parts.Add($"Aged {age}");
                }
                if (answers.Value("gender") is { } gender)
                {
                    parts.Add(Labels(Genders, [gender], lower: false)[0]);
                }
                if (answers.Has("circumstances"))
                {
                    parts.AddRange(Labels(Circumstances, answers.Items("circumstances"), lower: false));
                }
                if (answers.Has("member_of"))
                {
                    parts.Add("Studies or works at " + PlainWords.JoinOr([.. answers.Items("member_of").Select(id => organisationName?.Invoke(id) ?? "an organisation you chose")]));
                }
                if (answers.Value("language") is { } language)
                {
                    parts.Add("Speaks " + Languages.NamesByCode.GetValueOrDefault(language, language));
                }
                break;
            case "needs":
                if (answers.Has("needs"))
                {
                    parts.Add(PlainWords.JoinAnd(Labels(Needs, answers.Items("needs"), lower: false)));
                }
                if (answers.Value("free") == "true")
                {
                    parts.Add("Free services only");
                }
                if (answers.Value("access") == "self")
                {
                    parts.Add("Services you can contact yourself");
                }
                break;
        }
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>What to call a parameter in "search again without …".</summary>
    public static string ParameterWords(string parameter) => parameter switch
    {
        "within_km" => "how far you can travel",
        "delivery" => "how you’d like to take part",
        "format" => "the kind of support",
        "when" => "the times that suit you",
        "open_now" => "open now",
        "access" => "contact them yourself",
        "free" => "free only",
        "age" => "your age",
        "gender" => "your gender",
        "circumstances" => "student or in work",
        "member_of" => "where you study or work",
        "near" => "where you are",
        "language" => "your language",
        "needs" => "what you need",
        _ => parameter,
    };

    private static List<string> Labels(IReadOnlyList<Choice> choices, IEnumerable<string> values, bool lower = true) =>
        [.. values
            .Select(v => choices.FirstOrDefault(c => c.Value == v)?.Label ?? v)
            .Select((label, i) => lower && i > 0 ? PlainWords.LowerFirst(label) : label)];
}

/// <summary>A set of radios or checkboxes for one parameter.</summary>
public sealed record ChoiceGroup(
    string Name,
    string Legend,
    string? Hint,
    bool Radios,
    IReadOnlyList<Choice> Choices,
    IReadOnlyCollection<string> Selected,
    string? Error)
{
    /// <summary>The inputs' name, when two groups feed one parameter (the "who" step's two kinds of <c>prefer</c>).</summary>
    public string? FieldName { get; init; }
}
