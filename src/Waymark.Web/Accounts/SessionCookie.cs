using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Waymark.Core.Accounts;

namespace Waymark.Web.Accounts;

/// <summary>
/// Where the sign-in cookie carries its server-side session (<see cref="AccountSessions"/>): the session id sits in
/// the cookie's encrypted properties, which renewals and Identity's RefreshSignInAsync carry over unchanged.
/// </summary>
public static class SessionCookie
{
    private const string Item = "waymark.session";

    /// <summary>The session of this request's sign-in, or null when nobody is signed in.</summary>
    public static Guid? Current(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IdOf(context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties);
    }

    internal static Guid? IdOf(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(Item, out var value) == true && Guid.TryParse(value, out var id) ? id : null;

    internal static void Set(AuthenticationProperties properties, Guid id) => properties.Items[Item] = id.ToString();
}

/// <summary>
/// Starts a server-side session at each new sign-in, and on every request checks the cookie's session is still
/// live before Identity checks its security stamp (which still ends every session at a password reset).
/// <para>
/// The cookie handler makes one of these for every request that reaches authentication (all but static files), signed
/// in or not, so it holds nothing: the sessions (and the database context behind them) are asked for only when there is
/// a cookie to check or a sign-in to start. Taking them in the constructor made a database context for every anonymous
/// search and page (~3-4% of the server's CPU under a stream of searches).
/// </para>
/// </summary>
internal sealed class SessionCookieEvents : CookieAuthenticationEvents
{
    private static AccountSessions Sessions(HttpContext context) => context.RequestServices.GetRequiredService<AccountSessions>();

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var sessions = Sessions(context.HttpContext);
        var id = SessionCookie.IdOf(context.Properties);
        if (id is null || context.Principal is not { } principal || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out _)
            || !await sessions.IsLiveAsync(id.Value, principal.Actor(), context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (SessionCookie.IdOf(context.Properties) is not null || context.Principal is not { } principal)
        {
            // Identity refreshing this same sign-in (a new security stamp during authenticator set-up): same session.
            return;
        }
        var sessions = Sessions(context.HttpContext);
        var user = principal.Actor();
        var staff = Roles.Staff.Any(principal.IsInRole);
        if (SessionCookie.Current(context.HttpContext) is { } previous)
        {
            // A new sign-in in a signed-in browser (staff adding their authenticator, or another account) replaces
            // the old session rather than leaving it live behind the new cookie.
            await sessions.EndAsync(previous, context.HttpContext.User.Actor(), SessionEndReasons.SignedInAgain);
        }
        var session = await sessions.StartAsync(user, staff ? SessionKind.Staff : SessionKind.Person, context.Properties.IsPersistent);
        SessionCookie.Set(context.Properties, session.Id);
        if (session.KeptSignedIn)
        {
            // The cookie outlives the browser but not the session: it is never renewed, so it ends when the session does.
            context.Properties.ExpiresUtc = session.ExpiresAt;
            context.Properties.AllowRefresh = false;
        }
        else
        {
            context.Properties.IsPersistent = false;
        }
    }
}
