using Waymark.Core.Referrals;

namespace Waymark.Web.Text;

/// <summary>How a referral's contact choice reads to the person who made it and to the service that gets it.</summary>
public static class ReferralWords
{
    public static string Contact(ContactPreference? choice) => choice switch
    {
        ContactPreference.Email => "By email",
        ContactPreference.Sms => "By phone: a call or a text message",
        ContactPreference.None => "Do not contact me. I will get in touch with them myself.",
        _ => "Not chosen",
    };

    /// <summary>What the receiving organisation is told about reaching the person.</summary>
    public static string ForService(ContactPreference choice) => choice switch
    {
        ContactPreference.Email => "They would like you to contact them by email.",
        ContactPreference.Sms => "They would like you to contact them by phone: a call or a text message.",
        _ => "They asked not to be contacted. They will get in touch with you themselves.",
    };
}
