using Waymark.Core.Referrals;

namespace Waymark.Core.Notifications;

/// <summary>
/// How to reach the person a referral is about, or null when they must not be contacted. The one place
/// that decides: "don't contact me" means nothing is ever sent to them.
/// </summary>
public interface IPersonContact
{
    Task<ContactRoute?> ForPersonAsync(Referral referral, CancellationToken ct);
}
