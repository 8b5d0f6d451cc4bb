using Waymark.Core.People;

namespace Waymark.Core.Referrals;

/// <summary>How the receiving organisation may reach a person who referred themselves: only what they chose to share.</summary>
public sealed record SelfReferralContact(string? Name, string? Email, string? Phone)
{
    public bool IsEmpty => Name is null && Email is null && Phone is null;
}

/// <summary>
/// What a person puts in the self-referral form, as typed. <see cref="Check"/> gives the errors in the order of
/// the form; the same answers are checked again when they come back from the check-your-answers page, so
/// nothing shown there is trusted.
/// </summary>
public sealed record SelfReferralForm(string? Words, bool ShareStory, string? Contact, string? Name, string? Email, string? Phone)
{
    public const int MaxNameLength = 100;

    /// <summary>The field errors, in the order the form asks; empty when the referral can be sent.</summary>
    public IReadOnlyList<(string Field, string Message)> Check(bool hasStory, string organisation)
    {
        var errors = new List<(string, string)>();
        var contact = Choice;
        var reachable = contact is ContactPreference.Email or ContactPreference.Sms;
        if (Words?.Length > ReferralService.MaxStoryLength)
        {
            errors.Add(("Story", $"What you write must be {ReferralService.MaxStoryLength:N0} characters or fewer"));
        }
        else if (string.IsNullOrWhiteSpace(Words) && !(ShareStory && hasStory) && !reachable)
        {
            // A referral must give the service something: words, the person's story, or a way to reach them.
            errors.Add(("Story", $"Write something for {organisation}, or choose how they can contact you. A referral with nothing in it cannot be sent."));
        }
        if (contact is null)
        {
            errors.Add(("Contact", "Choose how the service may contact you about this referral"));
        }
        var name = Trimmed(Name);
        if (name?.Length > MaxNameLength)
        {
            errors.Add(("Name", $"What they should call you must be {MaxNameLength} characters or fewer"));
        }
        else if (name is null && reachable)
        {
            errors.Add(("Name", "Enter your name, or what you would like them to call you"));
        }
        var email = Trimmed(Email);
        if (email is null && contact == ContactPreference.Email)
        {
            errors.Add(("Email", "Enter your email address, so they can email you"));
        }
        else if (email is not null && contact != ContactPreference.None && AccountMail.AddressError(email) is { } emailError)
        {
            errors.Add(("Email", emailError));
        }
        var phone = Trimmed(Phone);
        if (phone is null && contact == ContactPreference.Sms)
        {
            errors.Add(("Phone", "Enter a phone number, so they can call or text you"));
        }
        else if (phone is not null && contact != ContactPreference.None && UkPhone.Normalise(phone) is null)
        {
            errors.Add(("Phone", "Enter a UK phone number, like 07700 900 982 or 0113 496 0000"));
        }
        return errors;
    }

    /// <summary>The contact choice, or null when none (or an unknown one) was made.</summary>
    public ContactPreference? Choice =>
        Enum.TryParse<ContactPreference>(Contact, out var c) && Enum.IsDefined(c) && !int.TryParse(Contact, out _) ? c : null;

    /// <summary>
    /// What goes to the service. Least collected: after "don't contact me" only a name, if one was given, so they
    /// know who it is when the person gets in touch; never an address or number.
    /// </summary>
    public SelfReferralContact? Details()
    {
        var details = Choice == ContactPreference.None
            ? new SelfReferralContact(Trimmed(Name), null, null)
            : new SelfReferralContact(Trimmed(Name), Trimmed(Email), Trimmed(Phone));
        return details.IsEmpty ? null : details;
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
