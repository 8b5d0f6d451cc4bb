using Microsoft.AspNetCore.DataProtection;

namespace Waymark.Core.Referrals;

/// <summary>
/// Encrypts what a person writes in a referral with ASP.NET Core Data Protection, whose key ring lives in
/// the database (data_protection_key), so that a copy of the referral table alone does not reveal it.
/// </summary>
public sealed class ReferralText(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Waymark.Referrals.Story.v1");

    public string? Protect(string? plain) => string.IsNullOrWhiteSpace(plain) ? null : _protector.Protect(plain.Trim());

    /// <summary>Null for nothing stored (null, or the empty name of a person who shared no name).</summary>
    public string? Unprotect(string? stored) => string.IsNullOrEmpty(stored) ? null : _protector.Unprotect(stored);
}
