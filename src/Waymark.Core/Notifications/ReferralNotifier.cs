using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Matching;
using Waymark.Core.Outbox;
using Waymark.Core.Referrals;
using Waymark.Core.Schedules;

namespace Waymark.Core.Notifications;

/// <summary>Where messages link to: the address people use to reach this Waymark (WAYMARK_PUBLIC_URL).</summary>
public sealed record NotificationSettings(Uri PublicUrl)
{
    public string Link(string path) => new Uri(PublicUrl, path).ToString();
}

/// <summary>
/// Queues the messages a referral causes, in the caller's unit of work (the outbox): to the person by their
/// own choice (never when they chose "don't contact me") and to the referrer when that is someone else.
/// A phone's lock screen or an inbox list may be seen by others, so no subject or text message names a
/// service, a status or anything the person wrote; the details are behind a link to Waymark.
/// </summary>
public sealed class ReferralNotifier(WaymarkDbContext db, IPersonContact personContact, NotificationSettings settings, TimeProvider time)
{
    public const string NewsSubject = "News from Waymark";
    public const string ReferrerSubject = "News from Waymark about a referral you made";
    public const string OverdueSubject = "A referral you made is waiting for an answer";
    public const string CheckInSubject = "Still waiting: things you can do meanwhile";

    /// <summary>The news of the referral's latest move.</summary>
    public async Task MovedAsync(Referral referral, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var latest = referral.Events[^1];
        var made = Day(referral.CreatedAt);
        var status = ReferralRules.Describe(latest.To);
        var onward = latest.To is ReferralStatus.Declined or ReferralStatus.Closed or ReferralStatus.RemovedFromWaitingList;

        await ToPersonAsync(referral, route =>
        {
            var link = PersonLink(referral);
            if (route.Channel == Channels.Sms)
            {
                return (NewsSubject, $"Waymark: there is news about a referral made on {made}. Read it here: {link}");
            }
            var body = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"There is news about a referral made on {made}: it is now {status}.\n\n");
            if (onward)
            {
                body.Append("This is not the end of the road. Other services may be able to help, and Waymark can suggest some. You choose whether anything you wrote goes with a new referral.\n\n");
            }
            body.Append(CultureInfo.InvariantCulture, $"{ReadMore(referral)} {link}\n\n").Append(Footer);
            return (NewsSubject, body.ToString());
        }, ct);

        var referrerLink = await ReferrerLinkAsync(referral, ct);
        await ToReferrerAsync(referral, () =>
        {
            var body = $"A referral you made on {made} is now {status}."
                + (latest.Reason is null && latest.ReasonCode is null ? "" : " The service gave a reason.")
                + (onward ? " You can make an onward referral from its page, with the person's consent." : "")
                + $"\n\nSee its history: {referrerLink}";
            return (ReferrerSubject, body);
        }, ct);
    }

    /// <summary>The receiving organisation replied to the referrer; what it said is behind the link.</summary>
    public async Task RepliedAsync(Referral referral, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var link = await ReferrerLinkAsync(referral, ct);
        await ToReferrerAsync(referral, () => (ReferrerSubject,
            $"The service sent you a message about a referral you made on {Day(referral.CreatedAt)}.\n\nRead it and see the referral's history: {link}"), ct);
    }

    /// <summary>Told once, when the service has not answered within its response time.</summary>
    public async Task OverdueAsync(Referral referral, DateOnly dueBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var made = Day(referral.CreatedAt);
        var text = $"A referral you made on {made} has not had an answer from the service, which expected to answer by {Day(dueBy)}. "
            + "We have flagged it to them.";
        if (referral.PersonUserId == referral.ReferrerUserId)
        {
            await ToPersonAsync(referral, route => route.Channel == Channels.Sms
                ? (OverdueSubject, $"Waymark: a referral you made is waiting for an answer. We have flagged it: {PersonLink(referral)}")
                : (OverdueSubject, $"{text}\n\nSee it in Waymark: {PersonLink(referral)}\n\n{Footer}"), ct);
            return;
        }
        var referrerLink = await ReferrerLinkAsync(referral, ct);
        await ToReferrerAsync(referral, () => (OverdueSubject, $"{text}\n\nSee it in Waymark: {referrerLink}"), ct);
    }

    /// <summary>The four-weekly "still waiting" check-in, with things to do meanwhile.</summary>
    public async Task CheckInAsync(Referral referral, IReadOnlyList<WhileYouWait> meanwhile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(meanwhile);
        await ToPersonAsync(referral, route =>
        {
            var link = PersonLink(referral);
            if (route.Channel == Channels.Sms)
            {
                return (CheckInSubject, $"Waymark: you are still on a waiting list. Things you can do meanwhile: {link}");
            }
            var body = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"You are still on a waiting list, from a referral made on {Day(referral.CreatedAt)}. Nobody has forgotten you.\n\n");
            if (meanwhile.Count > 0)
            {
                body.Append("While you wait, these might help:\n");
                foreach (var m in meanwhile)
                {
                    body.Append(CultureInfo.InvariantCulture, $"- {m.Name}: {m.Reason}. {settings.Link($"services/{m.Id}")}\n");
                }
                body.Append('\n');
            }
            body.Append(CultureInfo.InvariantCulture, $"{ReadMore(referral)} {link}\n\n").Append(Footer);
            return (CheckInSubject, body.ToString());
        }, ct);
    }

    private const string Footer =
        "If you need to talk to someone now, Samaritans are there day or night on 116 123 (free), or call NHS 111 and choose the mental health option.\n\n"
        + "You get these messages because you asked for updates this way. You can ask for no more messages at any time.";

    private static string ReadMore(Referral r) => r.PersonUserId is null
        ? "The person who made the referral with you can tell you more. Waymark:"
        : "Sign in to Waymark to see what happened and what you can do next:";

    private string PersonLink(Referral r) => r.PersonUserId is null ? settings.Link("") : settings.Link("my/referrals");

    /// <summary>A navigator follows their referral in the navigator pages; an organisation's staff in the provider pages.</summary>
    private async Task<string> ReferrerLinkAsync(Referral r, CancellationToken ct) =>
        r.ReferrerUserId != r.PersonUserId && (db.ReferringOrganisations.Local.Any(x => x.ReferralId == r.Id) || await db.ReferringOrganisations.AnyAsync(x => x.ReferralId == r.Id, ct))
            ? settings.Link($"provider/referrals/sent/{r.Id}")
            : settings.Link($"navigator/referrals/{r.Id}");

    private static string Day(DateTimeOffset at) => Day(UkTime.DateOf(at));

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private async Task ToPersonAsync(Referral referral, Func<ContactRoute, (string Subject, string Body)> compose, CancellationToken ct)
    {
        if (await personContact.ForPersonAsync(referral, ct) is { } route)
        {
            var (subject, body) = compose(route);
            Queue(referral, route, subject, body);
        }
    }

    /// <summary>The referrer by email, when they are not the person (whose own choice governs).</summary>
    private async Task ToReferrerAsync(Referral referral, Func<(string Subject, string Body)> compose, CancellationToken ct)
    {
        if (referral.ReferrerUserId == referral.PersonUserId)
        {
            return;
        }
        var email = await db.Users.Where(u => u.Id == referral.ReferrerUserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (email is not null)
        {
            var (subject, body) = compose();
            Queue(referral, new ContactRoute(Channels.Email, email), subject, body);
        }
    }

    private void Queue(Referral referral, ContactRoute route, string subject, string body)
    {
        var now = time.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            CreatedAt = now,
            Channel = route.Channel,
            Recipient = route.Address,
            Subject = subject,
            Body = body,
            SubjectType = "referral",
            SubjectId = referral.Id,
            NextAttemptAt = now,
        });
    }
}
