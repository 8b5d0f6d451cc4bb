namespace Waymark.Core.Accounts;

/// <summary>How many wrong tries a counter allows before it locks, when quiet tries are forgotten, and how long a lock lasts.</summary>
public sealed record SignInLimit(int Attempts, TimeSpan ForgetAfter, TimeSpan FirstLock, TimeSpan LongestLock)
{
    /// <summary>Each lock since the counter was last quiet for a day lasts twice as long as the one before, up to <see cref="LongestLock"/>.</summary>
    public TimeSpan LockFor(int lockoutsBefore) =>
        TimeSpan.FromTicks(Math.Min(LongestLock.Ticks, FirstLock.Ticks * (1L << Math.Clamp(lockoutsBefore, 0, 20))));
}
