namespace Waymark.Core.Referrals;

/// <summary>
/// For a referral one organisation's staff made onward from a referral they received: which organisation referred,
/// from which of its services and referral, and the referring staff member's role there (shown to the receiving
/// organisation instead of a personal name or email).
/// </summary>
public sealed class ReferringOrganisation
{
    public Guid ReferralId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid FromServiceId { get; private set; }
    public Guid FromReferralId { get; private set; }

    /// <summary>The staff member's organisation role: "staff" or "admin" (<see cref="Accounts.MembershipRoles"/>).</summary>
    public string StaffRole { get; private set; } = "";

    private ReferringOrganisation()
    {
    }

    public static ReferringOrganisation Record(Guid referralId, Guid organisationId, Guid fromServiceId, Guid fromReferralId, string staffRole) =>
        new() { ReferralId = referralId, OrganisationId = organisationId, FromServiceId = fromServiceId, FromReferralId = fromReferralId, StaffRole = staffRole };

    public static string DescribeRole(string staffRole) => staffRole == Accounts.MembershipRoles.Admin ? "a provider admin" : "a member of staff";
}
