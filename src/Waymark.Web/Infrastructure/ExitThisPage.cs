using Microsoft.Extensions.Options;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// GET /exit: where "Exit this page" leads, with or without JavaScript. Ends the sign-in session on the server,
/// forgets Waymark's own cookies (antiforgery, session, sign-in: every one the browser sent us) and sends the
/// person to a neutral site.
/// It cannot erase browsing history; the "Staying safe online" page says so.
/// </summary>
internal static class ExitThisPage
{
    public const string Path = "/exit";

    public static IEndpointRouteBuilder MapExitThisPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, async (HttpContext context, IOptions<WaymarkOptions> options, AccountSessions sessions, ILoggerFactory logs) =>
        {
            if (SessionCookie.Current(context) is { } session)
            {
                try
                {
                    await sessions.EndAsync(session, context.User.Actor(), SessionEndReasons.ExitThisPage, CancellationToken.None);
                }
                catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
                {
                    // Leaving must never fail: the cookie still goes below, and the session lapses when idle.
                    logs.CreateLogger(typeof(ExitThisPage)).LogError(e, "Exit this page could not end the session on the server");
                }
            }
            foreach (var name in context.Request.Cookies.Keys)
            {
                context.Response.Cookies.Delete(name, new CookieOptions { Path = "/" });
            }
            context.Response.Headers.CacheControl = "no-store";
            // Browsers that support it also drop cookies and storage we could not name (other paths).
            context.Response.Headers["Clear-Site-Data"] = "\"cookies\", \"storage\"";
            return Results.Redirect(options.Value.ExitUrl.AbsoluteUri);
        }).ExcludeFromDescription();
        return routes;
    }
}
