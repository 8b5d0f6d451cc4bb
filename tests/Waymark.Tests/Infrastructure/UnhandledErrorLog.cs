using Microsoft.Extensions.Logging;

namespace Waymark.Tests.Infrastructure;

/// <summary>
/// Writes every unhandled exception a request met to the file named by WAYMARK_TEST_SERVER_ERRORS, so a test that
/// saw only "500" in a CI run leaves the server's reason behind (./test.sh prints the file when a suite fails).
/// </summary>
internal sealed class UnhandledErrorLog(string path) : ILoggerProvider, ILogger
{
    public const string Setting = "WAYMARK_TEST_SERVER_ERRORS";

    // The category ASP.NET Core's exception handler logs an unhandled request exception under.
    private const string ExceptionHandlerCategory = "Microsoft.AspNetCore.Diagnostics";

    private static readonly Lock FileLock = new();

    public static string? Path => Environment.GetEnvironmentVariable(Setting) is { Length: > 0 } path ? path : null;

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith(ExceptionHandlerCategory, StringComparison.Ordinal) ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        var entry = $"--- {DateTimeOffset.UtcNow:O} {formatter(state, exception)}{Environment.NewLine}{exception}{Environment.NewLine}";
        lock (FileLock)
        {
            File.AppendAllText(path, entry);
        }
    }

    public void Dispose()
    {
    }
}
