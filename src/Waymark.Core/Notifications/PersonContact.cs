using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.People;
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
/// For someone with an account, the rule of <see cref="PersonContact"/> (their plan's "don't contact me" wins over
/// any referral); for someone a navigator referred without an account, the referral's own choice and the
/// encrypted details the navigator recorded.
/// </summary>
public sealed class ReferralPersonContact(WaymarkDbContext db, ReferralText text, PersonContact accounts) : IPersonContact
{
    public async Task<ContactRoute?> ForPersonAsync(Referral referral, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(referral);
        if (referral.ContactPreference == ContactPreference.None)
        {
            return null;
        }
        if (referral.PersonUserId is { } userId)
        {
            return await accounts.ForAsync(userId, referral.ContactPreference, ct) is { MayContact: true } details
                ? new ContactRoute(details.Preference == ContactPreference.Sms ? Channels.Sms : Channels.Email, details.Address!)
                : null;
        }
        var person = db.ReferredPeople.Local.FirstOrDefault(p => p.ReferralId == referral.Id)
            ?? await db.ReferredPeople.SingleOrDefaultAsync(p => p.ReferralId == referral.Id, ct);
        var (email, phone) = (text.Unprotect(person?.ProtectedEmail), text.Unprotect(person?.ProtectedPhone));
        return referral.ContactPreference switch
        {
            ContactPreference.Email when !string.IsNullOrWhiteSpace(email) => new ContactRoute(Channels.Email, email),
            ContactPreference.Sms when !string.IsNullOrWhiteSpace(phone) => new ContactRoute(Channels.Sms, phone),
            _ => null,
        };
    }
}
