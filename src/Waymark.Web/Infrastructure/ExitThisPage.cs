using Microsoft.Extensions.Options;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// GET /exit: where "Exit this page" leads, with or without JavaScript. Forgets Waymark's own cookies
/// (antiforgery, session, sign-in: every one the browser sent us) and sends the person to a neutral site.
/// It cannot erase browsing history; the "Staying safe online" page says so.
/// </summary>
internal static class ExitThisPage
{
    public const string Path = "/exit";

    public static IEndpointRouteBuilder MapExitThisPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, (HttpContext context, IOptions<WaymarkOptions> options) =>
        {
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
