namespace Waymark.Web.Match;

/// <summary>
/// Whether this node is hearing directory changes (LISTEN on PostgreSQL, the change log on SQLite), so that
/// <c>/health</c> can say when its search may be out of step with edits made on other nodes.
/// </summary>
public sealed class SearchListening(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lostSince = clock.GetUtcNow();

    /// <summary>When it stopped hearing changes (or started, before it first heard); null while it hears them.</summary>
    public DateTimeOffset? LostSince
    {
        get
        {
            lock (_gate)
            {
                return _lostSince;
            }
        }
    }

    public void Hearing()
    {
        lock (_gate)
        {
            _lostSince = null;
        }
    }

    public void Lost()
    {
        lock (_gate)
        {
            _lostSince ??= clock.GetUtcNow();
        }
    }
}
