using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Accounts;

/// <summary>
/// Sign-in sessions, kept on the server so that they end when their owner ends them: signing out, "Exit this
/// page", "Sign out of all other devices", a new password or a deleted account end them for every copy of the
/// cookie. Each also has an absolute end besides the idle timeout (<see cref="IdleTimeout"/>, kept on the
/// server as well as in the cookie): <see cref="StaffLifetime"/> for
/// staff, <see cref="PersonLifetime"/> for a person, or <see cref="KeptSignedInLifetime"/> when a person ticks
/// "Keep me signed in" (never for staff). Starts and ends are audited; nothing secret is written.
/// </summary>
public sealed class AccountSessions(WaymarkDbContext db, TimeProvider time)
{
    /// <summary>A session not kept signed in lapses after this long without a request (the cookie's sliding expiry).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan StaffLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan PersonLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan KeptSignedInLifetime = TimeSpan.FromDays(30);

    // "Last seen" is written at most this often, so checking a session on every request is one read, not a write.
    private static readonly TimeSpan SeenEvery = TimeSpan.FromMinutes(1);

    // The cookie lapses 30 minutes after the last request; "last seen" may be up to a minute older than that request.
    private static readonly TimeSpan IdleAllowance = IdleTimeout + SeenEvery;

    // Rows of sessions long over are removed when their account next signs in; the audit trail keeps the history.
    private static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(30);

    public static TimeSpan LifetimeOf(SessionKind kind, bool keptSignedIn) =>
        kind == SessionKind.Staff ? StaffLifetime : keptSignedIn ? KeptSignedInLifetime : PersonLifetime;

    /// <summary>Starts a session. "Keep me signed in" is ignored for staff.</summary>
    public async Task<UserSession> StartAsync(Actor user, SessionKind kind, bool keepSignedIn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId ?? throw new ArgumentException("A session belongs to an account.", nameof(user));
        var now = time.GetUtcNow();
        var kept = keepSignedIn && kind == SessionKind.Person;
        var session = UserSession.Start(userId, kind, kept, now, LifetimeOf(kind, kept));
        var longAgo = now - KeptAfterExpiry;
        await db.UserSessions.Where(s => s.UserId == userId && s.ExpiresAt < longAgo).ExecuteDeleteAsync(ct);
        db.UserSessions.Add(session);
        db.Audit(time, user, AuditActions.SessionStarted, "user", userId.ToString(), $"session {session.Id}; {Describe(session)}");
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>
    /// Whether the session is this account's and has neither ended nor reached its absolute end. Run on every
    /// request, so it reads one row by key and writes "last seen" at most once a minute.
    /// </summary>
    public async Task<bool> IsLiveAsync(Guid sessionId, Actor user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow();
        var session = await db.UserSessions.AsNoTracking().Where(s => s.Id == sessionId && s.UserId == user.UserId)
            .Select(s => new { s.EndedAt, s.ExpiresAt, s.LastSeenAt, s.KeptSignedIn }).SingleOrDefaultAsync(ct);
        if (session is null || session.EndedAt is not null)
        {
            return false;
        }
        if (session.ExpiresAt <= now || (!session.KeptSignedIn && session.LastSeenAt <= now - IdleAllowance))
        {
            await EndAsync(sessionId, user, session.ExpiresAt <= now ? SessionEndReasons.Expired : SessionEndReasons.Idle, ct);
            return false;
        }
        if (now - session.LastSeenAt >= SeenEvery)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        }
        return true;
    }

    /// <summary>Ends one session (if it has not ended already) and audits why.</summary>
    public async Task EndAsync(Guid sessionId, Actor user, string reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow();
        var ended = await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == user.UserId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), ct);
        if (ended > 0)
        {
            db.Audit(time, user, AuditActions.SessionEnded, "user", user.UserId.ToString(), $"session {sessionId}; {reason}");
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Ends every live session of the account except <paramref name="keep"/> (null: all of them); returns how many ended.</summary>
    public async Task<int> EndOthersAsync(Actor user, Guid? keep, string reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow();
        var ids = await Others(user, keep, now).Select(s => s.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }
        await db.UserSessions.Where(s => ids.Contains(s.Id) && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), ct);
        foreach (var id in ids)
        {
            db.Audit(time, user, AuditActions.SessionEnded, "user", user.UserId.ToString(), $"session {id}; {reason}");
        }
        await db.SaveChangesAsync(ct);
        return ids.Count;
    }

    /// <summary>How many live sessions the account has besides <paramref name="current"/>.</summary>
    public Task<int> CountOthersAsync(Actor user, Guid? current, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Others(user, current, time.GetUtcNow()).CountAsync(ct);
    }

    private IQueryable<UserSession> Others(Actor user, Guid? keep, DateTimeOffset now)
    {
        var kept = keep ?? Guid.Empty;
        var idleSince = now - IdleAllowance;
        return db.UserSessions.Where(s => s.UserId == user.UserId && s.EndedAt == null && s.ExpiresAt > now
            && (s.KeptSignedIn || s.LastSeenAt > idleSince) && s.Id != kept);
    }

    private static string Describe(UserSession s) => (s.Kind, s.KeptSignedIn) switch
    {
        (SessionKind.Staff, _) => $"staff; ends after {StaffLifetime.TotalHours:0} hours at most",
        (_, true) => $"person, kept signed in; ends after {KeptSignedInLifetime.TotalDays:0} days at most",
        _ => $"person; ends with the browser, or after {PersonLifetime.TotalHours:0} hours at most",
    };
}
