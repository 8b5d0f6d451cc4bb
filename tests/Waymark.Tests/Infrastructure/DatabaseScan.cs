using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Tests.Infrastructure;

/// <summary>Looks for values in every row of a database, as someone with a copy of its tables would.</summary>
public static class DatabaseScan
{
    /// <summary>Every table in the database (not just the ones this code knows), every column, as text.</summary>
    public static async Task<List<string>> FindAsync(WaymarkDbContext db, string[] needles)
    {
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var list = conn.CreateCommand())
        {
            list.CommandText = db.IsPostgres
                ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        Assert.Contains("referral", tables);
        Assert.Contains("person_profile", tables);
        var hits = new List<string>();
        foreach (var table in tables)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "" : reader.GetValue(i) switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
                    };
                    foreach (var needle in needles.Where(n => value.Contains(n, StringComparison.OrdinalIgnoreCase)))
                    {
                        hits.Add($"{table}.{reader.GetName(i)} holds '{needle}': {value}");
                    }
                }
            }
        }
        return hits;
    }

    /// <summary>The SQLite file a connection string names.</summary>
    public static string SqliteFile(string connection) => new SqliteConnectionStringBuilder(connection).DataSource;

    /// <summary>Moves everything in a SQLite write-ahead log into the database file and empties the log (nothing to do in rollback-journal mode).</summary>
    public static async Task CheckpointAsync(WaymarkDbContext db)
    {
        if (!db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /// <summary>
    /// Which values appear anywhere in the bytes of a SQLite database and its -wal and -journal files, freed pages
    /// included, ignoring ASCII case: what someone with a copy of the files could find.
    /// </summary>
    public static List<string> FindInFiles(string sqliteFile, string[] needles)
    {
        var hits = new List<string>();
        foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-journal" }.Where(File.Exists))
        {
            var bytes = Encoding.Latin1.GetString(File.ReadAllBytes(file));
            foreach (var needle in needles)
            {
                var count = 0;
                for (var at = bytes.IndexOf(needle, StringComparison.OrdinalIgnoreCase); at >= 0; at = bytes.IndexOf(needle, at + 1, StringComparison.OrdinalIgnoreCase))
                {
                    count++;
                }
                if (count > 0)
                {
                    hits.Add($"{Path.GetFileName(file)} holds '{needle}' {count} times");
                }
            }
        }
        return hits;
    }
}
