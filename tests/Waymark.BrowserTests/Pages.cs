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
        "/privacy",
        "/accessibility",
        "/error/404",
    ];

    public static string FileName(string path) =>
        path == "/" ? "start" : string.Concat(path.Trim('/').Select(c => char.IsLetterOrDigit(c) ? c : '-'));
}
