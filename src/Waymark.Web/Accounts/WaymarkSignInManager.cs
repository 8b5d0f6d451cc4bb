using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Waymark.Core.Accounts;

namespace Waymark.Web.Accounts;

/// <summary>
/// Identity's sign-in, entered after <see cref="GuardedSignIn"/> has counted the attempt and checked the password or
/// code itself. Identity's own password and code sign-ins also count failures, on the user row under its
/// concurrency stamp, which parallel guesses defeat (issue 13): this app never calls them.
/// </summary>
public sealed class WaymarkSignInManager(
    UserManager<WaymarkUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<WaymarkUser> claimsFactory,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<WaymarkUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<WaymarkUser> confirmation)
    : SignInManager<WaymarkUser>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    /// <summary>After a right password: "not allowed" for an unconfirmed address, else signed in or asked for the authenticator code.</summary>
    public async Task<SignInResult> SignInWithCheckedPasswordAsync(WaymarkUser user, bool isPersistent) =>
        await PreSignInCheck(user) ?? await SignInOrTwoFactorAsync(user, isPersistent);

    /// <summary>After a right authenticator or recovery code: the sign-in that opens staff pages (marked "mfa").</summary>
    public async Task SignInWithCheckedSecondFactorAsync(WaymarkUser user, bool isPersistent)
    {
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInWithClaimsAsync(user, isPersistent, [new Claim("amr", "mfa")]);
    }
}
