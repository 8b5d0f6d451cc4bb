using System.CommandLine;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Waymark.Cli.Commands;
using Waymark.Core.Data;

namespace Waymark.Cli;

/// <summary>What every command is given: where to write, the clock, and the shared --database option.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, TimeProvider time, HttpClient http)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;
    public TimeProvider Time { get; } = time;
    public HttpClient Http { get; } = http;

    public Option<string?> Database { get; } = new("--database")
    {
        Description = $"Database connection: a SQLite 'Data Source=…' or a PostgreSQL 'Host=…' string. Default: ${Core.Data.Database.EnvironmentVariable}, else '{Core.Data.Database.DefaultConnection}'.",
        Recursive = true,
    };

    /// <summary>Opens the chosen database and brings it up to date; the command line never seeds sample data.</summary>
    public async Task<WaymarkDbContext> OpenAsync(ParseResult parse, CancellationToken ct)
    {
        var db = Core.Data.Database.Open(Core.Data.Database.ConnectionFromEnvironment(parse.GetValue(Database)));
        try
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.MigrateAsync(ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a command body; any failure is one line on stderr and exit code 1, never a stack trace.</summary>
    public async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex)
        {
            await Error.WriteLineAsync($"waymark: {OneLine(ex)}");
            return 1;
        }
    }

    private static string OneLine(Exception ex)
    {
        var inner = ex is DbUpdateException { InnerException: { } i } ? i : ex;
        var message = inner is DbException ? $"database error: {inner.Message}" : inner.Message;
        return message.ReplaceLineEndings(" ");
    }
}

public static class WaymarkCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null, CancellationToken ct = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        var context = new CliContext(output, error, time ?? TimeProvider.System, http);
        var root = new RootCommand("Waymark command line: import and export Open Referral UK feeds, generate test feeds, load the postcode gazetteer, create accounts, screen posts.");
        root.Add(context.Database);

        var import = new Command("import", "Import data into the Waymark database.");
        import.Add(ImportOrukCommand.Create(context));
        import.Add(ImportOnspdCommand.Create(context));
        var export = new Command("export", "Export data from the Waymark database.");
        export.Add(ExportOrukCommand.Create(context));
        root.Add(import);
        root.Add(export);
        root.Add(GenerateCommand.Create(context));
        root.Add(UsersCommand.Create(context));
        root.Add(ScreenCommand.Create(context));
        root.Add(ScreenTrainCommand.Create(context));

        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct);
    }
}
