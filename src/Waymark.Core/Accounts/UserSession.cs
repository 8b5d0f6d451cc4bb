namespace Waymark.Core.Accounts;

public enum SessionKind
{
    Person,
    Staff,
}

/// <summary>
/// One signed-in browser. Its id travels (encrypted) in the sign-in cookie and is checked on every request, so
/// ending the row here ends the session everywhere a copy of that cookie is, whatever the cookie says.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public SessionKind Kind { get; private set; }

    /// <summary>"Keep me signed in": a cookie that outlives the browser, up to <see cref="ExpiresAt"/>.</summary>
    public bool KeptSignedIn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>The absolute end, however active the session is.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Why it ended, in words (<see cref="SessionEndReasons"/>).</summary>
    public string? EndReason { get; private set; }

    private UserSession()
    {
    }

    public static UserSession Start(Guid userId, SessionKind kind, bool keptSignedIn, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        Kind = kind,
        KeptSignedIn = keptSignedIn,
        CreatedAt = now,
        LastSeenAt = now,
        ExpiresAt = now + lifetime,
    };
}

public static class SessionEndReasons
{
    public const string SignedOut = "signed out";
    public const string ExitThisPage = "exit this page";
    public const string SignedOutElsewhere = "signed out from another device";
    public const string SignedInAgain = "signed in again";
    public const string PasswordReset = "password reset";
    public const string PasswordSet = "password set";
    public const string Expired = "reached its time limit";
    public const string Idle = "not used for 30 minutes";
}
