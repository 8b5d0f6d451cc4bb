using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Waymark.Core.Data;

namespace Waymark.Tests.Infrastructure;

/// <summary>
/// The app over a database that outlives it (as across restarts), with or without a key-protection certificate,
/// in the environment asked for, keeping what it logs.
/// </summary>
public sealed class KeyRingApp(TestDatabase database, string outbox, string? certificatePath, string? password, string? previous = null, string environment = "Testing")
    : AccountsApp(database, outbox, ownsDatabase: false)
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _logs = new();

    public IReadOnlyCollection<(LogLevel Level, string Message)> Logs => _logs;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        if (certificatePath is not null)
        {
            builder.UseSetting(KeyRing.CertificateSetting, certificatePath);
        }
        if (password is not null)
        {
            builder.UseSetting(KeyRing.PasswordSetting, password);
        }
        if (previous is not null)
        {
            builder.UseSetting(KeyRing.PreviousCertificateSetting, previous);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(new LogCapture(_logs)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(OutboxFolder))
        {
            Directory.Delete(OutboxFolder, recursive: true);
        }
    }
}

/// <summary>Keeps every log line an app writes, for tests that check what it said.</summary>
internal sealed class LogCapture(ConcurrentQueue<(LogLevel, string)> logs) : ILoggerProvider, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        logs.Enqueue((logLevel, formatter(state, exception)));

    public void Dispose()
    {
    }
}
