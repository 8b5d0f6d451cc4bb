using Waymark.Core.Data;

namespace Waymark.Core.Accounts;

/// <summary>Who is acting: a signed-in user, or a named system such as the command line.</summary>
public sealed record Actor(Guid? UserId, string Name)
{
    public static Actor CommandLine { get; } = new(null, "waymark cli");

    public static Actor Anonymous { get; } = new(null, "anonymous");
}

public static class AuditLog
{
    /// <summary>Adds an audit row to the context; it is saved with the change it describes.</summary>
    public static void Audit(this WaymarkDbContext db, TimeProvider time, Actor actor, string action, string? subjectType = null, string? subjectId = null, string? detail = null) =>
        db.AuditAt(time.GetUtcNow(), actor, action, subjectType, subjectId, detail);

    /// <summary>As <see cref="Audit"/>, for something that happened at <paramref name="at"/> and is recorded later.</summary>
    public static void AuditAt(this WaymarkDbContext db, DateTimeOffset at, Actor actor, string action, string? subjectType = null, string? subjectId = null, string? detail = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            Id = Guid.CreateVersion7(),
            OccurredAt = at,
            ActorId = actor.UserId,
            ActorEmail = actor.Name,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Detail = detail,
        });
}
