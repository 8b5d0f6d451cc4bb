namespace Waymark.Core.Accounts;

/// <summary>
/// A sign-up, password reset or sign-in record waiting to be worked on after its answer has gone. Written before the
/// answer, so a node that stops before doing it leaves it for another node; deleted in the same transaction that saves
/// what the work did, so it is done once. What the work needs is kept encrypted in <see cref="ProtectedJob"/>.
/// </summary>
public sealed class AccountWorkItem
{
    public Guid Id { get; set; }

    /// <summary>"sign-up", "password-reset" or "sign-in": what to do, never for whom.</summary>
    public required string Kind { get; set; }

    /// <summary>The job's details (an email address, a password hash, never a password), encrypted with Data Protection.</summary>
    public required string ProtectedJob { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Claims so far, the first being the answering node's own.</summary>
    public int Attempts { get; set; }

    /// <summary>The node run holding this row until <see cref="ClaimedUntil"/>; a stopped node's claim lapses.</summary>
    public Guid? ClaimToken { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
}
