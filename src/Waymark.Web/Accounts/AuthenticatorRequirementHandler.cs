using Microsoft.AspNetCore.Authorization;

namespace Waymark.Web.Accounts;

internal sealed class AuthenticatorRequirementHandler : AuthorizationHandler<AuthenticatorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AuthenticatorRequirement requirement)
    {
        if (context.User.SignedInWithAuthenticator())
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
