using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Referrals;

namespace Waymark.Core.People;

/// <summary>A refused change to a plan, with a sentence for the person.</summary>
public sealed class PlanException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

public sealed record SavedServiceView(Guid ServiceId, string ServiceName, string OrganisationName, DateTimeOffset SavedAt);

public sealed record PlanReferralView(Guid Id, Guid ServiceId, string ServiceName, string OrganisationName, ReferralStatus Status, DateTimeOffset CreatedAt);

public sealed record PlanView(
    IReadOnlyList<SavedServiceView> Services,
    IReadOnlyList<PlanReferralView> Referrals,
    ContactPreference ContactPreference,
    string? Email,
    string? Phone,
    string? Notes,
    DateTimeOffset? NotesUpdatedAt,
    bool HasStory);

public static class PersonAudit
{
    public const string PlanViewed = "plan-viewed";
    public const string PlanChanged = "plan-changed";
    public const string StoryViewed = "story-viewed";
    public const string StoryChanged = "story-changed";
    public const string StoryShared = "story-shared";
    public const string DataDownloaded = "data-downloaded";
    public const string AccountCreated = "person-account-created";
    public const string SignUpRepeated = "person-sign-up-repeated";
    public const string EmailConfirmed = "email-confirmed";
    public const string AccountDeleted = "account-deleted";
}

/// <summary>
/// A person's support plan: services they saved, their referrals, how to contact them, their notes and
/// their story. Everything is the signed-in person's own; another person's ids find nothing. Every view of
/// what the person wrote is audited.
/// </summary>
public sealed class PersonPlan(WaymarkDbContext db, PersonText text, TimeProvider time)
{
    public const int MaxNotesLength = 4000;

    public async Task<PlanView> GetAsync(Actor person, CancellationToken ct = default)
    {
        var userId = IdOf(person);
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.PhoneNumber }).SingleAsync(ct);
        var profile = await db.Set<PersonProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        var services = await db.Set<SavedService>().Where(s => s.UserId == userId)
            .Join(db.Services, s => s.ServiceId, x => x.Id, (s, x) => new { s.ServiceId, x.Name, Organisation = x.Organization!.Name, s.SavedAt })
            .OrderBy(s => s.SavedAt).ToListAsync(ct);
        var referrals = await db.Referrals.Where(r => r.PersonUserId == userId)
            .Join(db.Services, r => r.ServiceId, x => x.Id, (r, x) => new { r.Id, r.ServiceId, x.Name, Organisation = x.Organization!.Name, r.Status, r.CreatedAt })
            .ToListAsync(ct);
        db.Audit(time, person, PersonAudit.PlanViewed, "person", userId.ToString());
        await db.SaveChangesAsync(ct);
        return new PlanView(
            services.Select(s => new SavedServiceView(s.ServiceId, s.Name, s.Organisation ?? "", s.SavedAt)).ToList(),
            referrals.OrderByDescending(r => r.CreatedAt).Select(r => new PlanReferralView(r.Id, r.ServiceId, r.Name, r.Organisation ?? "", r.Status, r.CreatedAt)).ToList(),
            profile?.ContactPreference ?? ContactPreference.Email,
            user.Email,
            user.PhoneNumber,
            text.Unprotect(profile?.ProtectedNotes),
            profile?.NotesUpdatedAt,
            profile?.ProtectedStory is not null);
    }

    /// <summary>The person's standing contact choice, without auditing: it is not something they wrote.</summary>
    public async Task<ContactPreference> ContactPreferenceAsync(Actor person, CancellationToken ct = default)
    {
        var userId = IdOf(person);
        return await db.Set<PersonProfile>().Where(p => p.UserId == userId).Select(p => (ContactPreference?)p.ContactPreference).SingleOrDefaultAsync(ct)
            ?? ContactPreference.Email;
    }

    public async Task<bool> IsSavedAsync(Actor person, Guid serviceId, CancellationToken ct = default)
    {
        var userId = IdOf(person);
        return await db.Set<SavedService>().AnyAsync(s => s.UserId == userId && s.ServiceId == serviceId, ct);
    }

    /// <summary>Saves a listed service to the plan (saving twice changes nothing); false when there is no such service.</summary>
    public async Task<bool> SaveServiceAsync(Actor person, Guid serviceId, CancellationToken ct = default)
    {
        var userId = IdOf(person);
        if (!await db.Services.AnyAsync(s => s.Id == serviceId, ct))
        {
            return false;
        }
        if (!await db.Set<SavedService>().AnyAsync(s => s.UserId == userId && s.ServiceId == serviceId, ct))
        {
            db.Add(new SavedService { Id = Guid.CreateVersion7(), UserId = userId, ServiceId = serviceId, SavedAt = time.GetUtcNow() });
            db.Audit(time, person, PersonAudit.PlanChanged, "person", userId.ToString(), $"saved service {serviceId}");
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>Removes a service from the person's own plan; false when it is not in their plan.</summary>
    public async Task<bool> RemoveServiceAsync(Actor person, Guid serviceId, CancellationToken ct = default)
    {
        var userId = IdOf(person);
        var saved = await db.Set<SavedService>().SingleOrDefaultAsync(s => s.UserId == userId && s.ServiceId == serviceId, ct);
        if (saved is null)
        {
            return false;
        }
        db.Remove(saved);
        db.Audit(time, person, PersonAudit.PlanChanged, "person", userId.ToString(), $"removed service {serviceId}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Sets how the person may be contacted, for all their referrals at once, so that "don't contact me"
    /// holds everywhere. A phone number is kept only while they choose text messages.
    /// </summary>
    public async Task SetContactAsync(Actor person, ContactPreference preference, string? phone, CancellationToken ct = default)
    {
        var userId = IdOf(person);
        if (!Enum.IsDefined(preference))
        {
            throw new PlanException("Contact", "Choose how we may contact you");
        }
        string? normalised = null;
        if (preference == ContactPreference.Sms)
        {
            if (string.IsNullOrWhiteSpace(phone))
            {
                throw new PlanException("Phone", "Enter a UK mobile number for text messages");
            }
            normalised = UkMobile.Normalise(phone)
                ?? throw new PlanException("Phone", "Enter a UK mobile number, like 07700 900 982");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var profile = await ProfileAsync(userId, ct);
        profile.ContactPreference = preference;
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        user.PhoneNumber = normalised;
        user.PhoneNumberConfirmed = false;
        db.Audit(time, person, PersonAudit.PlanChanged, "person", userId.ToString(), $"contact {preference}");
        await db.SaveChangesAsync(ct);
        await db.Referrals.Where(r => r.PersonUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ContactPreference, preference), ct);
        await transaction.CommitAsync(ct);
    }

    public async Task SetNotesAsync(Actor person, string? notes, CancellationToken ct = default)
    {
        var userId = IdOf(person);
        if (notes?.Length > MaxNotesLength)
        {
            throw new PlanException("Notes", $"Your notes must be {MaxNotesLength:N0} characters or fewer");
        }
        var profile = await ProfileAsync(userId, ct);
        profile.ProtectedNotes = text.Protect(notes);
        profile.NotesUpdatedAt = time.GetUtcNow();
        db.Audit(time, person, PersonAudit.PlanChanged, "person", userId.ToString(), "notes");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The person's story (empty if they have not written one). Audited as a view.</summary>
    public async Task<(StorySummary Story, DateTimeOffset? UpdatedAt)> GetStoryAsync(Actor person, CancellationToken ct = default)
    {
        var userId = IdOf(person);
        var profile = await db.Set<PersonProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        db.Audit(time, person, PersonAudit.StoryViewed, "person", userId.ToString());
        await db.SaveChangesAsync(ct);
        return (ReadStory(profile?.ProtectedStory), profile?.StoryUpdatedAt);
    }

    public async Task SaveStoryAsync(Actor person, StorySummary story, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(story);
        var userId = IdOf(person);
        story = story.Trimmed();
        foreach (var (key, _, answer) in story.Sections)
        {
            if (answer?.Length > StorySummary.MaxSectionLength)
            {
                throw new PlanException(key, $"Keep each answer to {StorySummary.MaxSectionLength:N0} characters or fewer");
            }
        }
        var profile = await ProfileAsync(userId, ct);
        profile.ProtectedStory = story.IsEmpty ? null : text.Protect(story.ToJson());
        profile.StoryUpdatedAt = story.IsEmpty ? null : time.GetUtcNow();
        db.Audit(time, person, PersonAudit.StoryChanged, "person", userId.ToString());
        await db.SaveChangesAsync(ct);
    }

    internal StorySummary ReadStory(string? protectedStory) =>
        text.Unprotect(protectedStory) is { } json ? StorySummary.FromJson(json) : new StorySummary();

    private async Task<PersonProfile> ProfileAsync(Guid userId, CancellationToken ct)
    {
        var profile = await db.Set<PersonProfile>().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null)
        {
            profile = new PersonProfile { UserId = userId, CreatedAt = time.GetUtcNow() };
            db.Add(profile);
        }
        return profile;
    }

    internal static Guid IdOf(Actor person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.UserId ?? throw new InvalidOperationException("A plan belongs to someone signed in.");
    }
}

/// <summary>UK mobile numbers, kept in one form (+447…) so that a text-message service can use them.</summary>
public static class UkMobile
{
    public static string? Normalise(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var digits = new string(input.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '(' or ')' or '.')).ToArray());
        if (digits.StartsWith("+44", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.StartsWith("0044", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        else if (digits.StartsWith('0'))
        {
            digits = digits[1..];
        }
        return digits.Length == 10 && digits[0] == '7' && digits.All(char.IsAsciiDigit) ? "+44" + digits : null;
    }
}
