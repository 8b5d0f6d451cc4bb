namespace Waymark.Core.Accounts;

/// <summary>
/// Where a person goes back to after signing up or in: only an address on this site ("/services/…?near=Leeds"),
/// never another site ("//evil.example", "https://…", "/\evil"), so a link cannot send them somewhere else.
/// </summary>
public static class ReturnUrl
{
    public const int MaxLength = 2000;

    /// <summary>The address when it is local to this site, else null.</summary>
    public static string? Local(string? url) =>
        url is { Length: > 0 and <= MaxLength }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || c == '\\')
            ? url
            : null;
}
