namespace Waymark.Core.Accounts;

/// <summary>
/// Sign-in attempts that did not end in a sign-in, counted for one account (by a hash of its normalised email
/// address, whether or not it has an account) from one client network, or from every network when
/// <see cref="ClientKey"/> is <see cref="SignInAttempts.EveryClient"/>. Written only by <see cref="SignInAttempts"/>,
/// in single statements, so parallel attempts each count once. Holds no address: only hashes, counts and times.
/// </summary>
public sealed class SignInCounter
{
    public required string AccountKey { get; set; }
    public required string ClientKey { get; set; }
    public int Failures { get; set; }

    /// <summary>How many times this counter has locked since it was last quiet for a day; the account-wide lock grows with it.</summary>
    public int Lockouts { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset LastAttemptAt { get; set; }

    /// <summary>Until when this client counts as the account owner's: it signed in, or reset the password, from here.</summary>
    public DateTimeOffset? KnownUntil { get; set; }
}
