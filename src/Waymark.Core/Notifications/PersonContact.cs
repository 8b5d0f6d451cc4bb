using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Referrals;

namespace Waymark.Core.Notifications;

public static class Channels
{
    public const string Email = "email";
    public const string Sms = "sms";
}

/// <summary>Where to send a message: a channel ("email" or "sms") and an address on it.</summary>
public sealed record ContactRoute(string Channel, string Address);

/// <summary>
/// How to reach the person a referral is about, or null when they must not be contacted. The one place
/// that decides: "don't contact me" means nothing is ever sent to them.
/// </summary>
public interface IPersonContact
{
    Task<ContactRoute?> ForPersonAsync(Referral referral, CancellationToken ct);
}

/// <summary>
/// The referral's own contact choice, with the address from the person's account (email, or Identity's
/// PhoneNumber), or from the encrypted details a navigator recorded for someone without an account.
/// </summary>
public sealed class ReferralPersonContact(WaymarkDbContext db, ReferralText text) : IPersonContact
{
    public async Task<ContactRoute?> ForPersonAsync(Referral referral, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(referral);
        if (referral.ContactPreference == ContactPreference.None)
        {
            return null;
        }
        string? email;
        string? phone;
        if (referral.PersonUserId is { } userId)
        {
            var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.PhoneNumber }).SingleOrDefaultAsync(ct);
            (email, phone) = (user?.Email, user?.PhoneNumber);
        }
        else
        {
            var person = db.ReferredPeople.Local.FirstOrDefault(p => p.ReferralId == referral.Id)
                ?? await db.ReferredPeople.SingleOrDefaultAsync(p => p.ReferralId == referral.Id, ct);
            (email, phone) = (text.Unprotect(person?.ProtectedEmail), text.Unprotect(person?.ProtectedPhone));
        }
        return referral.ContactPreference switch
        {
            ContactPreference.Email when !string.IsNullOrWhiteSpace(email) => new ContactRoute(Channels.Email, email),
            ContactPreference.Sms when !string.IsNullOrWhiteSpace(phone) => new ContactRoute(Channels.Sms, phone),
            _ => null,
        };
    }
}
