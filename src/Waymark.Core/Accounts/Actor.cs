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
        db.AuditEvents.Add(new AuditEvent
        {
            Id = Guid.CreateVersion7(),
            OccurredAt = time.GetUtcNow(),
            ActorId = actor.UserId,
            ActorEmail = actor.Name,
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Detail = detail,
        });
}
