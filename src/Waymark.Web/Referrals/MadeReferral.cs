using Waymark.Core.Referrals;

namespace Waymark.Web.Referrals;

/// <summary>What <c>_MadeReferral.cshtml</c> shows: a referral as its referrer sees it, with the service's replies.</summary>
public sealed record MadeReferral(NavigatorReferralView View, IReadOnlyList<ReferralReply> Replies);
