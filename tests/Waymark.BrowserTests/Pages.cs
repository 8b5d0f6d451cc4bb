namespace Waymark.BrowserTests;

/// <summary>Every public page a visitor can reach without an account.</summary>
internal static class Pages
{
    public static readonly string[] Public =
    [
        "/",
        "/need-help-now",
        "/staying-safe-online",
        "/about-self-harm",
        "/guidance/managers",
        "/guidance/universities-and-colleges",
        "/guidance/gp-practices-and-pharmacies",
        "/privacy",
        "/accessibility",
        "/sources",
        "/wall",
        "/wall/how-it-works",
        "/error/404",
        "/find",
        "/find/where",
        "/find/how?near=Leeds",
        "/find/when",
        "/find/who",
        "/find/you",
        // With the organisations near Sheffield that have support only for their own students or staff.
        "/find/you?near=Sheffield",
        "/find/needs",
        "/find?near=Leeds&within_km=50&format=one-to-one",
        "/find/results?near=Leeds&within_km=50",
        "/find/results?near=Sheffield&open_now=true&urgency=now&prefer=delivery:phone,delivery:text",
        // Stable ids from data/sample/yorkshire-and-humber.json: Steel Valley Peer Network and its Tuesday Evening Peer Group.
        $"/services/{SampleServiceId}",
        $"/organisations/{SampleOrganisationId}",
        "/account/create",
        "/account/check-email",
        "/account/deleted",
        "/account/sign-in",
        "/account/forgot-password",
        "/account/forgot-password/sent",
    ];

    /// <summary>A person's own pages, signed in (checked by PersonPagesTests).</summary>
    public static readonly string[] Person =
    [
        "/account",
        "/my/plan",
        "/my/story",
        "/my/referrals",
        "/my/data",
        "/my/delete",
    ];

    public const string SampleServiceId = "94d9a71f-24d3-5ec4-b03f-c1fdcd671b24";
    public const string SampleOrganisationId = "8b6e9ee3-d99b-53d4-a565-a562922a8c70";

    public static string FileName(string path) =>
        path == "/" ? "start" : string.Concat(path.Trim('/').Select(c => char.IsLetterOrDigit(c) ? c : '-'));
}
