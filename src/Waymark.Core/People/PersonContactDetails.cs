using Waymark.Core.Referrals;

namespace Waymark.Core.People;

/// <summary>How to reach a person, if at all: the channel, and the address on it (null means do not send).</summary>
public sealed record PersonContactDetails(ContactPreference Preference, string? Address)
{
    public bool MayContact => Preference != ContactPreference.None && Address is not null;
}
