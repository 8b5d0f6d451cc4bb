namespace Waymark.Web.Accounts;

/// <summary>How the password step of signing in ended (<see cref="GuardedSignIn.PasswordAsync"/>).</summary>
public enum PasswordSignIn
{
    /// <summary>Wrong address, wrong password, too many tries: all one answer, so none can be told from another.</summary>
    Refused,
    SignedIn,
    /// <summary>Staff with no authenticator yet: signed in, and sent to set one up.</summary>
    SignedInWithoutAuthenticator,
    CodeNext,
    /// <summary>Only ever after the right password, so it says nothing about other people's addresses.</summary>
    AddressNotConfirmed,
}
