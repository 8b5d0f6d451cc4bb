using Microsoft.AspNetCore.Authorization;

namespace Waymark.Web.Accounts;

/// <summary>Met only when this sign-in used an authenticator code or a recovery code.</summary>
public sealed class AuthenticatorRequirement : IAuthorizationRequirement;
