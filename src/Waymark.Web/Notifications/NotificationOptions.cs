using System.Globalization;
using MailKit.Security;

namespace Waymark.Web.Notifications;

/// <summary>
/// How notifications leave Waymark, read from configuration and checked on start: WAYMARK_NOTIFY_SENDER
/// (<c>folder</c>, the offline default; <c>govuk-notify</c>; or <c>smtp</c>), the sender's own settings,
/// WAYMARK_PUBLIC_URL (what messages link to) and the follow-up job (WAYMARK_FOLLOW_UPS, WAYMARK_FOLLOW_UP_MINUTES).
/// </summary>
public sealed class NotificationOptions
{
    public const string Folder = "folder";
    public const string GovukNotify = "govuk-notify";
    public const string Smtp = "smtp";

    public static readonly Uri DefaultPublicUrl = new("http://localhost:5080/");

    public string Sender { get; init; } = Folder;
    public Uri PublicUrl { get; init; } = DefaultPublicUrl;
    public bool FollowUpsRun { get; init; } = true;
    public TimeSpan FollowUpInterval { get; init; } = TimeSpan.FromHours(1);

    public NotifySettings? Notify { get; init; }
    public SmtpSettings? SmtpServer { get; init; }

    public sealed record NotifySettings(string ApiKey, string EmailTemplateId, string SmsTemplateId, string? BaseUrl);

    public sealed record SmtpSettings(string Host, int Port, SecureSocketOptions Security, string From, string? Username, string? Password);

    public static NotificationOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sender = configuration["WAYMARK_NOTIFY_SENDER"] is { Length: > 0 } s ? s : Folder;
        if (sender is not (Folder or GovukNotify or Smtp))
        {
            throw new InvalidOperationException($"WAYMARK_NOTIFY_SENDER must be '{Folder}', '{GovukNotify}' or '{Smtp}', not '{sender}'.");
        }
        var publicUrl = DefaultPublicUrl;
        if (configuration["WAYMARK_PUBLIC_URL"] is { Length: > 0 } url)
        {
            if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidOperationException($"WAYMARK_PUBLIC_URL must be the absolute http or https address of this Waymark, such as https://waymark.example.org/, not '{url}'.");
            }
            publicUrl = parsed;
        }
        var followUps = configuration["WAYMARK_FOLLOW_UPS"] ?? "on";
        if (followUps is not ("on" or "off"))
        {
            throw new InvalidOperationException($"WAYMARK_FOLLOW_UPS must be 'on' or 'off', not '{followUps}'.");
        }
        var minutesText = configuration["WAYMARK_FOLLOW_UP_MINUTES"] ?? "60";
        if (!double.TryParse(minutesText, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) || minutes <= 0 || minutes > 24 * 60)
        {
            throw new InvalidOperationException($"WAYMARK_FOLLOW_UP_MINUTES must be a number of minutes between 0 and 1440, not '{minutesText}'.");
        }
        return new NotificationOptions
        {
            Sender = sender,
            PublicUrl = publicUrl,
            FollowUpsRun = followUps == "on",
            FollowUpInterval = TimeSpan.FromMinutes(minutes),
            Notify = sender == GovukNotify ? ReadNotify(configuration) : null,
            SmtpServer = sender == Smtp ? ReadSmtp(configuration) : null,
        };
    }

    private static NotifySettings ReadNotify(IConfiguration c)
    {
        var key = Required(c, "WAYMARK_NOTIFY_API_KEY");
        var email = Required(c, "WAYMARK_NOTIFY_EMAIL_TEMPLATE_ID");
        var sms = Required(c, "WAYMARK_NOTIFY_SMS_TEMPLATE_ID");
        if (!Guid.TryParse(email, out _) || !Guid.TryParse(sms, out _))
        {
            throw new InvalidOperationException("WAYMARK_NOTIFY_EMAIL_TEMPLATE_ID and WAYMARK_NOTIFY_SMS_TEMPLATE_ID must be GOV.UK Notify template ids (UUIDs).");
        }
        var baseUrl = c["WAYMARK_NOTIFY_BASE_URL"] is { Length: > 0 } b ? b : null;
        return new NotifySettings(key, email, sms, baseUrl);
    }

    private static SmtpSettings ReadSmtp(IConfiguration c)
    {
        var host = Required(c, "WAYMARK_SMTP_HOST");
        var from = Required(c, "WAYMARK_SMTP_FROM");
        if (!MimeKit.MailboxAddress.TryParse(from, out _))
        {
            throw new InvalidOperationException($"WAYMARK_SMTP_FROM must be an email address, not '{from}'.");
        }
        var portText = c["WAYMARK_SMTP_PORT"] ?? "587";
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"WAYMARK_SMTP_PORT must be a port number, not '{portText}'.");
        }
        var security = (c["WAYMARK_SMTP_SECURITY"] ?? "starttls") switch
        {
            "starttls" => SecureSocketOptions.StartTls,
            "tls" => SecureSocketOptions.SslOnConnect,
            "none" => SecureSocketOptions.None,
            var other => throw new InvalidOperationException($"WAYMARK_SMTP_SECURITY must be 'starttls', 'tls' or 'none', not '{other}'."),
        };
        return new SmtpSettings(host, port, security, from, c["WAYMARK_SMTP_USERNAME"] is { Length: > 0 } u ? u : null, c["WAYMARK_SMTP_PASSWORD"]);
    }

    private static string Required(IConfiguration c, string name) =>
        c[name] is { Length: > 0 } v ? v : throw new InvalidOperationException($"{name} is needed when WAYMARK_NOTIFY_SENDER is '{c["WAYMARK_NOTIFY_SENDER"]}'.");
}
