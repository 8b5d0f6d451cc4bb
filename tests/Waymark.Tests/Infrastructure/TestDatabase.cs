using Npgsql;
using Waymark.Core.Data;

namespace Waymark.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test class, on the engine the run was started for:
/// <c>WAYMARK_TEST_DATABASE=postgres</c> (with <c>WAYMARK_TEST_POSTGRES</c> pointing at a server, as
/// <c>./test.sh</c> sets up) or SQLite otherwise. Dropped again on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresName;
    private readonly string? _postgresAdmin;

    public string Connection { get; }
    public DatabaseProvider Provider { get; }

    public static bool RunOnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("WAYMARK_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    public TestDatabase()
    {
        if (RunOnPostgres)
        {
            _postgresAdmin = Environment.GetEnvironmentVariable("WAYMARK_TEST_POSTGRES")
                ?? throw new InvalidOperationException("WAYMARK_TEST_DATABASE=postgres needs WAYMARK_TEST_POSTGRES, e.g. Host=127.0.0.1;Port=5433;Username=postgres");
            _postgresName = "waymark_test_" + Guid.NewGuid().ToString("N")[..16];
            using (var conn = new NpgsqlConnection(_postgresAdmin))
            {
                conn.Open();
                using var cmd = new NpgsqlCommand($"CREATE DATABASE {_postgresName}", conn);
                cmd.ExecuteNonQuery();
            }
            Connection = new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = _postgresName, Pooling = false }.ConnectionString;
            Provider = DatabaseProvider.Postgres;
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"waymark-test-{Guid.NewGuid():N}.db");
            Connection = $"Data Source={_sqliteFile};Pooling=False";
            Provider = DatabaseProvider.Sqlite;
        }
    }

    public WaymarkDbContext Open() => Database.Open(Connection);

    public void Dispose()
    {
        if (_sqliteFile is not null)
        {
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(f);
            }
        }
        else if (_postgresName is not null)
        {
            using var conn = new NpgsqlConnection(_postgresAdmin);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
    }
}
