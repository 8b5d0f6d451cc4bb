
namespace Waymark.Web.Infrastructure;

/// <summary>
/// Headers on every response (pages, API, static files, errors) so that a visit leaks nothing:
/// nothing loads from another origin, leaving for another site does not say where from, and shared
/// devices do not keep copies of pages.
/// </summary>
internal static class PrivacyHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    // interest-cohort (FLoC) is gone from browsers and Chrome logs an error for it; browsing-topics replaced it.
    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), bluetooth=(), serial=(), hid=(), " +
        "accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()";

    public static IApplicationBuilder UsePrivacyHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                // A shared or family device must not be able to bring a page back from its cache.
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// Razor Pages' only cookie for an anonymous visitor is the antiforgery one a POST form needs; keep it
    /// to this browser session, this site, and out of scripts' reach.
    /// </summary>
    public static IServiceCollection AddSessionOnlyAntiforgery(this IServiceCollection services) =>
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "waymark.antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Expiration = null;
            o.Cookie.MaxAge = null;
        });
}
