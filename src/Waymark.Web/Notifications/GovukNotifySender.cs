using Notify.Client;
using Waymark.Core.Notifications;
using Waymark.Core.Outbox;

namespace Waymark.Web.Notifications;

/// <summary>
/// Sends through GOV.UK Notify with two templates: email, with personalisation <c>((subject))</c> and
/// <c>((body))</c>; text message, with <c>((body))</c>. The Notify reference is the outbox message id, and
/// Notify is asked first whether it already has a message with that reference, so that a retry after a
/// send whose success was not recorded does not send twice.
/// </summary>
public sealed class GovukNotifySender(NotificationOptions.NotifySettings settings) : IOutboxSender
{
    private readonly NotificationClient _client = settings.BaseUrl is { } baseUrl
        ? new NotificationClient(baseUrl, settings.ApiKey)
        : new NotificationClient(settings.ApiKey);

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reference = message.Id.ToString();
        var earlier = await _client.GetNotificationsAsync(templateType: message.Channel, reference: reference);
        if (earlier.notifications.Count > 0)
        {
            return;
        }
        switch (message.Channel)
        {
            case Channels.Email:
                await _client.SendEmailAsync(message.Recipient, settings.EmailTemplateId,
                    new Dictionary<string, dynamic> { ["subject"] = message.Subject, ["body"] = message.Body }, clientReference: reference);
                break;
            case Channels.Sms:
                await _client.SendSmsAsync(message.Recipient, settings.SmsTemplateId,
                    new Dictionary<string, dynamic> { ["body"] = message.Body }, clientReference: reference);
                break;
            default:
                throw new InvalidOperationException($"GOV.UK Notify cannot send a '{message.Channel}' message.");
        }
    }
}
