using MailKit.Net.Smtp;
using MimeKit;
using Waymark.Core.Notifications;
using Waymark.Core.Outbox;

namespace Waymark.Web.Notifications;

/// <summary>
/// Sends email through an SMTP server. The Message-ID is the outbox message id, so a retry after a send whose
/// success was not recorded is the same message, which mail systems recognise as a duplicate. SMTP cannot
/// send text messages: those fail, are retried, and are given up on (use GOV.UK Notify for SMS).
/// </summary>
public sealed class SmtpSender(NotificationOptions.SmtpSettings settings) : IOutboxSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channels.Email)
        {
            throw new InvalidOperationException($"SMTP cannot send a '{message.Channel}' message.");
        }
        using var mime = ToMime(message, settings.From);
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, ct);
        if (settings.Username is { } user)
        {
            await client.AuthenticateAsync(user, settings.Password ?? "", ct);
        }
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    public static MimeMessage ToMime(OutboxMessage message, string from)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sender = MailboxAddress.Parse(from);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = $"{message.Id}@{sender.Domain}",
            Date = message.CreatedAt,
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.Body },
        };
        mime.From.Add(sender);
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        return mime;
    }
}
