using Microsoft.AspNetCore.Identity;

namespace Waymark.Core.Accounts;

/// <summary>A person who signs in. The user name is always the email address.</summary>
public sealed class WaymarkUser : IdentityUser<Guid>
{
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The roles, as stored. Staff roles must use an authenticator app to sign in.</summary>
public static class Roles
{
    public const string Person = "person";
    public const string Navigator = "navigator";
    public const string ProviderStaff = "provider-staff";
    public const string ProviderAdmin = "provider-admin";
    public const string Moderator = "moderator";
    public const string Commissioner = "commissioner";
    public const string Admin = "admin";

    /// <summary>Peer supporters, volunteers and group facilitators, each within an organisation (a membership).</summary>
    public const string PeerSupporter = "peer-supporter";

    public static readonly IReadOnlyList<string> All = [Person, Navigator, ProviderStaff, ProviderAdmin, Moderator, Commissioner, Admin, PeerSupporter];

    public static readonly IReadOnlyList<string> Staff = [Navigator, ProviderStaff, ProviderAdmin, Moderator, Commissioner, Admin, PeerSupporter];

    /// <summary>Roles held within an organisation, so created with one.</summary>
    public static readonly IReadOnlyList<string> InOrganisation = [ProviderStaff, ProviderAdmin, PeerSupporter];

    /// <summary>Roles that edit listings; provider roles only through a membership of the organisation.</summary>
    public static readonly IReadOnlyList<string> ListingEditors = [ProviderStaff, ProviderAdmin, Admin];

    public static bool IsStaff(string role) => Staff.Contains(role);

    /// <summary>Fixed ids so that the roles can ship with the schema.</summary>
    public static Guid IdOf(string role) => Directory.Vocabulary.Uuid5(RoleNamespace, role);

    private static readonly Guid RoleNamespace = new("a3f0b1e2-5c4d-4e6f-8a9b-0c1d2e3f4a5b");
}

public static class MembershipRoles
{
    public const string Staff = "staff";
    public const string Admin = "admin";

    /// <summary>Not a listing editor: a peer supporter's place in the organisation (see PeerSupport).</summary>
    public const string PeerSupporter = "peer-supporter";

    public static readonly IReadOnlyList<string> All = [Staff, Admin, PeerSupporter];

    /// <summary>The account role that goes with a membership role.</summary>
    public static string AccountRoleFor(string membershipRole) => membershipRole switch
    {
        Admin => Roles.ProviderAdmin,
        PeerSupporter => Roles.PeerSupporter,
        _ => Roles.ProviderStaff,
    };

    /// <summary>The membership role that goes with an account role held in an organisation.</summary>
    public static string For(string accountRole) => accountRole switch
    {
        Roles.ProviderAdmin => Admin,
        Roles.PeerSupporter => PeerSupporter,
        _ => Staff,
    };
}

/// <summary>A user's place in an organisation: what lets a provider edit that organisation's listings.</summary>
public sealed class OrganisationMembership
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A one-time link for a new account to choose its own password. Only a hash of the token is kept, so
/// a copy of the database cannot be used to take over an account.
/// </summary>
public sealed class SetPasswordToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
