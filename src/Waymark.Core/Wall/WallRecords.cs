namespace Waymark.Core.Wall;

/// <summary>
/// A person's place on the wall: the display name moderators approved (null until then), and their reading
/// choices when they are signed in (without an account the choices ride in the address instead).
/// </summary>
public sealed class WallMember
{
    public Guid UserId { get; set; }
    public string? DisplayName { get; set; }

    /// <summary>"expand" or "collapse" content-warned posts; null: collapse.</summary>
    public string? ContentWarnings { get; set; }

    /// <summary>Words the reader does not want to see, comma separated, encrypted (<see cref="People.PersonText"/>): they say what hurts.</summary>
    public string? ProtectedMutedWords { get; set; }

    public DateTimeOffset? BreakUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>"You're not alone": one per reader per post. Never counted in public; the author sees theirs on /my/wall.</summary>
public sealed class WallReaction
{
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A reader's report of a published item. <see cref="ReporterKey"/> is the signed-in reader's id or a hash of
/// their network (as sign-in counters hash it), so reports are told apart without storing an address.
/// </summary>
public sealed class WallFlag
{
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public required string ReporterKey { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
