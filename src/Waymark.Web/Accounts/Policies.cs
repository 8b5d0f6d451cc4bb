namespace Waymark.Web.Accounts;

public static class Policies
{
    /// <summary>Any staff role, signed in with an authenticator. Use this for any staff-only page.</summary>
    public const string Staff = "staff";

    /// <summary>Listing editors (provider staff and admins, and admins), signed in with an authenticator.</summary>
    public const string Provider = "provider";

    public const string Admin = "admin";

    /// <summary>Navigators, signed in with an authenticator: they refer people and follow their referrals.</summary>
    public const string Navigator = "navigator";

    /// <summary>Moderators of the peer-support wall, signed in with an authenticator.</summary>
    public const string Moderator = "moderator";

    /// <summary>Peer supporters, signed in with an authenticator: their own page, /peer.</summary>
    public const string PeerSupporter = "peer-supporter";

    /// <summary>Commissioners, signed in with an authenticator: aggregates for their areas, never a person.</summary>
    public const string Commissioner = "commissioner";
}
