using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.People;
using Waymark.Core.Referrals;

namespace Waymark.Core.Notifications;

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
