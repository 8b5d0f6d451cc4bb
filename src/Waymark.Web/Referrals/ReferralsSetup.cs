using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Waymark.Core.Data;
using Waymark.Core.Matching;
using Waymark.Core.Outbox;
using Waymark.Core.Referrals;

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

public static class ReferralsSetup
{
    /// <summary>Data Protection with its key ring in the database, the referral service, and the outbox relay delivering to a folder.</summary>
    public static IServiceCollection AddWaymarkReferrals(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Keys in the database, encrypted by WAYMARK_KEY_CERTIFICATE (required in Production; see KeyRing).
        services.AddWaymarkDataProtection(configuration, environment);
        services.AddSingleton<ReferralText>();
        services.AddScoped<ReferralService>();

        // Measured waits replace "no measured waits" (AddMatching's default) for matching and service pages.
        services.AddSingleton<MeasuredReferralWaits>();
        services.Replace(ServiceDescriptor.Singleton<IReferralWaits>(sp => sp.GetRequiredService<MeasuredReferralWaits>()));
        services.AddHostedService<ReferralWaitsRefresher>();

        var outbox = OutboxOptions.FromConfiguration(configuration);
        services.AddSingleton(outbox);
        services.AddSingleton<IOutboxSender>(new FolderOutboxSender(outbox.Folder));
        // Whichever sender is configured now, the folder may hold files from when it was the folder sender.
        services.AddSingleton<IDeliveredMessageCopies, FolderOutboxCopies>();
        services.AddSingleton<OutboxRelay>();
        if (outbox.RelayRuns)
        {
            services.AddHostedService<OutboxRelayService>();
        }
        return services;
    }
}

/// <summary>
/// The offline default: each message becomes one JSON file named by its id. A file that is already there
/// means the message was delivered before, so it is not written again.
/// </summary>
public sealed class FolderOutboxSender(string folder) : IOutboxSender
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public static string FileName(Guid messageId) => $"{messageId}.json";

    /// <summary>The file a delivery writes first and then renames; a crash can leave one behind.</summary>
    public static bool IsPartialFileOf(string fileName, Guid messageId) =>
        fileName.StartsWith(FileName(messageId) + ".", StringComparison.Ordinal) && fileName.EndsWith(".tmp", StringComparison.Ordinal);

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Messages name people and what happened to their referrals: only the app's own account may read them.
        OwnerOnly.CreateFolder(Folder);
        var path = Path.Combine(Folder, FileName(message.Id));
        if (File.Exists(path))
        {
            return;
        }
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var file = OwnerOnly.CreateNew(temp))
        {
            await System.Text.Json.JsonSerializer.SerializeAsync(file, new
            {
                id = message.Id,
                channel = message.Channel,
                to = message.Recipient,
                subject = message.Subject,
                body = message.Body,
                created_at = message.CreatedAt,
            }, cancellationToken: ct);
        }
        try
        {
            // A rename that refuses to overwrite: of two racing relays, only one file survives.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }
}

/// <summary>
/// Erases the folder sender's files for given messages: each is named by its message id, so erasure is
/// exact and never touches anyone else's. A file that cannot be deleted is logged by id (no address in
/// the log) and the rest carry on.
/// </summary>
public sealed partial class FolderOutboxCopies(OutboxOptions options, ILogger<FolderOutboxCopies> logger) : IDeliveredMessageCopies
{
    public Task EraseAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var folder = Path.GetFullPath(options.Folder);
        if (messageIds.Count == 0 || !System.IO.Directory.Exists(folder))
        {
            return Task.CompletedTask;
        }
        var ids = messageIds.ToHashSet();
        foreach (var id in ids)
        {
            Delete(id, Path.Combine(folder, FolderOutboxSender.FileName(id)));
        }
        foreach (var partial in System.IO.Directory.EnumerateFiles(folder, "*.tmp"))
        {
            var name = Path.GetFileName(partial);
            if (Guid.TryParse(name.AsSpan(0, Math.Min(36, name.Length)), out var id) && ids.Contains(id) && FolderOutboxSender.IsPartialFileOf(name, id))
            {
                Delete(id, partial);
            }
        }
        return Task.CompletedTask;
    }

    private void Delete(Guid id, string path)
    {
        try
        {
            File.Delete(path); // no error when it is not there: that message was never delivered to the folder
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotErased(logger, id, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not erase the delivered copy of outbox message {MessageId}; delete it from the outbox folder by hand.")]
    private static partial void LogNotErased(ILogger logger, Guid messageId, Exception ex);
}

/// <summary>Runs the relay every few seconds for as long as the app runs.</summary>
public sealed partial class OutboxRelayService(OutboxRelay relay, OutboxOptions options, ILogger<OutboxRelayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval);
        do
        {
            try
            {
                while (await relay.RunOnceAsync(stoppingToken) > 0)
                {
                    // Keep going while there is a backlog.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRelayFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox relay failed; it will try again.")]
    private static partial void LogRelayFailed(ILogger logger, Exception ex);
}

/// <summary>Recomputes the measured waits on start and every hour: they change slowly.</summary>
public sealed partial class ReferralWaitsRefresher(MeasuredReferralWaits waits, IServiceScopeFactory scopes, TimeProvider time, ILogger<ReferralWaitsRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await waits.RefreshAsync(scope.ServiceProvider.GetRequiredService<WaymarkDbContext>(), time, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not measure referral waits; keeping the last figures.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception ex);
}
