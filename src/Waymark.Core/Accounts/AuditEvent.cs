namespace Waymark.Core.Accounts;

/// <summary>
/// Who did what to whom, and when: sign-ins (staff and people), password resets, authenticator set-ups, role and membership changes.
/// Never holds a password, code or token.
/// </summary>
public sealed class AuditEvent
{
    public Guid Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public Guid? ActorId { get; set; }
    public string? ActorEmail { get; set; }
    public required string Action { get; set; }
    public string? SubjectType { get; set; }
    public string? SubjectId { get; set; }
    public string? Detail { get; set; }
}

public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignInLockedOut = "sign-in-locked-out";
    public const string SignInSecondFactor = "sign-in-second-factor";
    public const string SignInSecondFactorFailed = "sign-in-second-factor-failed";
    public const string SignInRecoveryCode = "sign-in-recovery-code";
    public const string SessionStarted = "session-started";
    public const string SessionEnded = "session-ended";
    public const string UserCreated = "user-created";
    public const string PasswordSet = "password-set";
    public const string PasswordResetRequested = "password-reset-requested";
    public const string PasswordReset = "password-reset";
    public const string AuthenticatorSetUp = "authenticator-set-up";
    public const string RoleAdded = "role-added";
    public const string MembershipAdded = "membership-added";
    public const string MembershipRemoved = "membership-removed";
    public const string OrganisationCreated = "organisation-created";
    public const string AreasAdded = "areas-added";
    public const string CommissioningRead = "commissioning-read";
}
