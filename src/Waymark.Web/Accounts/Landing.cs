using Waymark.Core.Accounts;

namespace Waymark.Web.Accounts;

/// <summary>Where someone lands after signing in: back where they were going, else their own home.</summary>
public static class Landing
{
    /// <summary>Staff start on their own work, not on a person's account page.</summary>
    public static string HomeFor(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        return held.Contains(Roles.Admin) ? "/admin/organisations"
            : held.Contains(Roles.Navigator) ? "/navigator"
            : held.Contains(Roles.ProviderAdmin) || held.Contains(Roles.ProviderStaff) ? "/provider"
            : held.Contains(Roles.Moderator) ? "/moderate"
            : held.Contains(Roles.PeerSupporter) ? "/peer"
            : held.Contains(Roles.Commissioner) ? "/commissioning"
            : "/account";
    }

    /// <summary>The local return address, if one was given, else the home for these roles.</summary>
    public static string After(string? returnUrl, IEnumerable<string> roles) => ReturnUrl.Local(returnUrl) ?? HomeFor(roles);
}
