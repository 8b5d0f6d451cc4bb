using Microsoft.AspNetCore.Identity;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Notifications;
using Waymark.Core.Outbox;

namespace Waymark.Core.People;

/// <summary>What account emails share: the address check, queueing through the outbox, and password errors in plain words.</summary>
internal static class AccountMail
{
    /// <summary>Null when the address looks usable, else the sentence to show.</summary>
    public static string? AddressError(string email) =>
        email.Length == 0 ? "Enter your email address"
        : !EmailAddress.IsValid(email) ? $"Enter an email address in the right format, {EmailAddress.FormatHint}"
        : null;

    public static void Queue(WaymarkDbContext db, TimeProvider time, WaymarkUser user, string subject, string body)
    {
        var now = time.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            CreatedAt = now,
            Channel = "email",
            Recipient = user.Email!,
            Subject = subject,
            Body = body,
            SubjectType = "account",
            SubjectId = user.Id,
            NextAttemptAt = now,
        });
    }

    public static string Explain(IdentityError e) => e.Code switch
    {
        "PasswordTooShort" => $"Your password must be at least {PasswordPolicy.MinimumLength} characters. Three random words work well.",
        _ => e.Description,
    };
}
