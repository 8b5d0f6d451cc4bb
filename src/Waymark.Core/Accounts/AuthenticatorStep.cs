namespace Waymark.Core.Accounts;

/// <summary>
/// The newest authenticator time step an account has signed in with. A code from that step or an earlier one
/// is refused, so each code works once (see <see cref="SingleUseAuthenticatorTokenProvider"/>). Kept apart from
/// the user row, which Identity writes back whole on every update and would put an older step back.
/// </summary>
public sealed class AuthenticatorStep
{
    public Guid UserId { get; set; }
    public long LastStep { get; set; }
}
