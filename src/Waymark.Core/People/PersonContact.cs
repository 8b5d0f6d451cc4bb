using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Referrals;

namespace Waymark.Core.People;

/// <summary>
/// The one answer to "may we contact this person, and where?" for anything that sends them a message.
/// "Don't contact me" wins everywhere: if the person chose it in their plan, or for the referral in hand,
/// nothing is sent. Otherwise the referral's own choice applies, else the plan's (email by default). Text
/// messages go to the phone number kept on the account (Identity's PhoneNumber); without one, nothing is sent.
/// </summary>
public sealed class PersonContact(WaymarkDbContext db)
{
    /// <summary>The person's contact details, or null when there is no such account (for example, erased).</summary>
    public async Task<PersonContactDetails?> ForAsync(Guid userId, ContactPreference? referralChoice = null, CancellationToken ct = default)
    {
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.PhoneNumber }).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }
        var standing = await db.Set<PersonProfile>().Where(p => p.UserId == userId).Select(p => (ContactPreference?)p.ContactPreference).SingleOrDefaultAsync(ct)
            ?? ContactPreference.Email;
        var preference = standing == ContactPreference.None || referralChoice == ContactPreference.None
            ? ContactPreference.None
            : referralChoice ?? standing;
        return preference switch
        {
            ContactPreference.Email => new PersonContactDetails(preference, user.Email),
            ContactPreference.Sms => new PersonContactDetails(preference, string.IsNullOrWhiteSpace(user.PhoneNumber) ? null : user.PhoneNumber),
            _ => new PersonContactDetails(ContactPreference.None, null),
        };
    }
}
