namespace Waymark.Core.Accounts;

/// <summary>How many wrong tries a counter allows before it locks, when quiet tries are forgotten, and how long a lock lasts.</summary>
public sealed record SignInLimit(int Attempts, TimeSpan ForgetAfter, TimeSpan FirstLock, TimeSpan LongestLock)
{
    /// <summary>Each lock since the counter was last quiet for a day lasts twice as long as the one before, up to <see cref="LongestLock"/>.</summary>
    public TimeSpan LockFor(int lockoutsBefore) =>
        TimeSpan.FromTicks(Math.Min(LongestLock.Ticks, FirstLock.Ticks * (1L << Math.Clamp(lockoutsBefore, 0, 20))));
}

/// <summary>One counter as this attempt left it: its place in the count, and whether a lock or the owner's mark was on it.</summary>
public sealed record SignInCount(int Failures, int Lockouts, bool Locked, bool Known);

/// <summary>
/// An attempt, counted before its password or code is looked at: every attempt takes a number, so however
/// many arrive at once, only the first <see cref="SignInLimit.Attempts"/> can be checked. One that then signs in
/// hands its number back (<see cref="SignInAttempts.PassedStepAsync"/>, <see cref="SignInAttempts.SignedInAsync"/>).
/// </summary>
public sealed record SignInTicket(string AccountKey, string ClientKey, SignInCount FromClient, SignInCount FromAnywhere)
{
    /// <summary>Too many wrong tries for this account from this network.</summary>
    public bool LockedForClient => FromClient.Locked || FromClient.Failures > SignInAttempts.PerClient.Attempts;

    /// <summary>Too many wrong tries for this account from everywhere, and the owner has not used this network.</summary>
    public bool LockedForAccount => !FromClient.Known && (FromAnywhere.Locked || FromAnywhere.Failures > SignInAttempts.PerAccount.Attempts);

    /// <summary>Whether this attempt's password or code may be accepted at all.</summary>
    public bool Allowed => !LockedForClient && !LockedForAccount;
}
