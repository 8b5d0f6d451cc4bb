using Microsoft.AspNetCore.DataProtection;

namespace Waymark.Core.People;

/// <summary>
/// Encrypts a person's notes, story and shared copies of it with ASP.NET Core Data Protection (the same
/// key ring in the database as <see cref="Referrals.ReferralText"/>, under its own purpose), so a copy of
/// the tables alone does not reveal them.
/// </summary>
public sealed class PersonText(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Waymark.People.v1");

    public string? Protect(string? plain) => string.IsNullOrWhiteSpace(plain) ? null : _protector.Protect(plain.Trim());

    public string? Unprotect(string? stored) => stored is null ? null : _protector.Unprotect(stored);
}
