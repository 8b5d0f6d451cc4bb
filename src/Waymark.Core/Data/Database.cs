using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Waymark.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Chooses the provider from the connection string, as both programs do (CONTRACTS.md §4):
/// a value starting <c>Host=</c> is PostgreSQL, anything else is a SQLite file.
/// </summary>
public static class Database
{
    public const string EnvironmentVariable = "WAYMARK_DATABASE";
    public const string DefaultConnection = "Data Source=data/waymark.db";

    public static string ConnectionFromEnvironment(string? given = null) => AnchorSqlitePath(
        !string.IsNullOrWhiteSpace(given) ? given
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
        : DefaultConnection);

    /// <summary>
    /// `dotnet run --project src/X` starts each program in its own project folder, so a relative SQLite path such as
    /// the default <c>data/waymark.db</c> would give the web app and the CLI two different files. When the program runs
    /// inside a checkout, a relative path is taken from the checkout's root (the folder holding Waymark.sln);
    /// elsewhere (a published build) from the current folder.
    /// </summary>
    public static string AnchorSqlitePath(string connection)
    {
        if (ProviderOf(connection) != DatabaseProvider.Sqlite)
        {
            return connection;
        }
        var builder = new SqliteConnectionStringBuilder(connection);
        var file = builder.DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal) || Path.IsPathRooted(file))
        {
            return connection;
        }
        builder.DataSource = InCheckout(file);
        return builder.ConnectionString;
    }

    /// <summary>A relative path taken from the checkout's root when running inside one (see <see cref="AnchorSqlitePath"/>), else from the current folder.</summary>
    public static string InCheckout(string path) =>
        Path.GetFullPath(Path.Combine(CheckoutRoot() ?? System.IO.Directory.GetCurrentDirectory(), path));

    private static string? CheckoutRoot()
    {
        for (var dir = new DirectoryInfo(System.IO.Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Waymark.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    public static DatabaseProvider ProviderOf(string connection) =>
        connection.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static IServiceCollection AddWaymarkDatabase(this IServiceCollection services, string connection)
    {
        if (ProviderOf(connection) == DatabaseProvider.Postgres)
        {
            services.AddDbContextFactory<PostgresWaymarkDbContext>(o => ConfigurePostgres(o, connection));
            services.AddScoped<WaymarkDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PostgresWaymarkDbContext>>().CreateDbContext());
            services.AddSingleton<IDbContextFactory<WaymarkDbContext>, FactoryOf<PostgresWaymarkDbContext>>();
        }
        else
        {
            EnsureSqliteFile(connection);
            services.AddDbContextFactory<SqliteWaymarkDbContext>(o => ConfigureSqlite(o, connection));
            services.AddScoped<WaymarkDbContext>(sp => sp.GetRequiredService<IDbContextFactory<SqliteWaymarkDbContext>>().CreateDbContext());
            services.AddSingleton<IDbContextFactory<WaymarkDbContext>, FactoryOf<SqliteWaymarkDbContext>>();
        }
        return services;
    }

    /// <summary>The engine's collation that compares text byte by byte (ordinal), for orders both engines agree on.</summary>
    public static string OrdinalCollation(WaymarkDbContext db) => db is PostgresWaymarkDbContext ? "C" : "BINARY";

    /// <summary>Opens a context without dependency injection, for the CLI and tests.</summary>
    public static WaymarkDbContext Open(string connection)
    {
        if (ProviderOf(connection) == DatabaseProvider.Postgres)
        {
            var b = new DbContextOptionsBuilder<PostgresWaymarkDbContext>();
            ConfigurePostgres(b, connection);
            return new PostgresWaymarkDbContext(b.Options);
        }
        EnsureSqliteFile(connection);
        var s = new DbContextOptionsBuilder<SqliteWaymarkDbContext>();
        ConfigureSqlite(s, connection);
        return new SqliteWaymarkDbContext(s.Options);
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder b, string connection) =>
        b.UseSqlite(connection, o => o.MigrationsHistoryTable("__migrations")).AddInterceptors(SqliteSecureDelete.Instance);

    public static void ConfigurePostgres(DbContextOptionsBuilder b, string connection) =>
        b.UseNpgsql(connection, o => o.MigrationsHistoryTable("__migrations"));

    /// <summary>
    /// Creates a missing database file, and its folder, owner-only before SQLite first opens it: SQLite gives the
    /// -wal, -shm and journal files it makes the database file's own permissions.
    /// </summary>
    private static void EnsureSqliteFile(string connection)
    {
        var file = new SqliteConnectionStringBuilder(connection).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }
        var path = Path.GetFullPath(file);
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            OwnerOnly.CreateFolder(folder);
        }
        if (!File.Exists(path))
        {
            try
            {
                // An empty file is an empty SQLite database.
                OwnerOnly.CreateNew(path).Dispose();
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first.
                return;
            }
            UseWriteAheadLog(path);
        }
    }

    /// <summary>
    /// EF Core turns on write-ahead logging only for a database it creates itself, and it never creates this one (the
    /// file exists, empty, before it looks). Without it a write waits for every reader to finish and, when readers
    /// keep coming, fails with "database is locked" instead of waiting its turn. The mode is kept in the file.
    /// </summary>
    private static void UseWriteAheadLog(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        command.ExecuteNonQuery();
    }

    private sealed class FactoryOf<T>(IDbContextFactory<T> inner) : IDbContextFactory<WaymarkDbContext>
        where T : WaymarkDbContext
    {
        public WaymarkDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

// Used only by `dotnet ef migrations add`; the connection is never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWaymarkDbContext>
{
    public SqliteWaymarkDbContext CreateDbContext(string[] args)
    {
        // Not Database.Open, which would make the file.
        var options = new DbContextOptionsBuilder<SqliteWaymarkDbContext>();
        Database.ConfigureSqlite(options, "Data Source=design.db");
        return new SqliteWaymarkDbContext(options.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWaymarkDbContext>
{
    public PostgresWaymarkDbContext CreateDbContext(string[] args) => (PostgresWaymarkDbContext)Database.Open("Host=localhost;Database=waymark_design");
}
