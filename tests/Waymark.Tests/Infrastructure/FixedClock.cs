namespace Waymark.Tests.Infrastructure;

/// <summary>A clock stopped at one instant, for pages whose content depends on the time of day.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
