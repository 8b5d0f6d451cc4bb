using System.Security.Claims;
using Waymark.Core.Accounts;

namespace Waymark.Web.Accounts;

public static class PrincipalExtensions
{
    public static bool SignedInWithAuthenticator(this ClaimsPrincipal user) => user.HasClaim("amr", "mfa");

    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));

    public static Actor Actor(this ClaimsPrincipal user) =>
        new(user.UserId(), user.FindFirstValue(ClaimTypes.Name) ?? user.UserId().ToString());
}
