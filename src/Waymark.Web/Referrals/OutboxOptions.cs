using System.Globalization;
using Waymark.Core.Data;

namespace Waymark.Web.Referrals;

/// <summary>Settings for the outbox relay: WAYMARK_OUTBOX_FOLDER, WAYMARK_OUTBOX_RELAY (on|off), WAYMARK_OUTBOX_POLL_SECONDS.</summary>
public sealed class OutboxOptions
{
    public string Folder { get; init; } = Path.Combine("data", "outbox");
    public bool RelayRuns { get; init; } = true;
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    public static OutboxOptions FromConfiguration(IConfiguration configuration)
    {
        var relay = configuration["WAYMARK_OUTBOX_RELAY"] ?? "on";
        if (relay is not ("on" or "off"))
        {
            throw new InvalidOperationException($"WAYMARK_OUTBOX_RELAY must be 'on' or 'off', not '{relay}'.");
        }
        var poll = configuration["WAYMARK_OUTBOX_POLL_SECONDS"] ?? "10";
        if (!double.TryParse(poll, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > 3600)
        {
            throw new InvalidOperationException($"WAYMARK_OUTBOX_POLL_SECONDS must be a number of seconds between 0 and 3600, not '{poll}'.");
        }
        return new OutboxOptions
        {
            // Beside the SQLite file in data/, whichever project folder the app was started from.
            Folder = Database.InCheckout(configuration["WAYMARK_OUTBOX_FOLDER"] is { Length: > 0 } folder ? folder : Path.Combine("data", "outbox")),
            RelayRuns = relay == "on",
            PollInterval = TimeSpan.FromSeconds(seconds),
        };
    }
}
