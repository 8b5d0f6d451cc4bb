namespace Waymark.Core.Accounts;

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
