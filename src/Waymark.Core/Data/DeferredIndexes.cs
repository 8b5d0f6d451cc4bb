using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Waymark.Core.Data;

/// <summary>
/// For a bulk load into empty tables: drops their indexes (on PostgreSQL also their primary keys and foreign
/// keys) inside the current transaction and builds them again at the end. Building an index once from sorted
/// rows is several times cheaper than inserting millions of random UUIDs into it one by one, and checking a
/// foreign key once as a join is cheaper than a trigger per row. The definitions are read back from the
/// database's own catalogue, so what is rebuilt is exactly what the migrations made; if the load fails, the
/// rollback brings the dropped objects back.
/// </summary>
public sealed class DeferredIndexes
{
    private readonly WaymarkDbContext _db;
    private readonly List<string> _restore = [];

    private DeferredIndexes(WaymarkDbContext db) => _db = db;

    public static async Task<DeferredIndexes> DropAsync(WaymarkDbContext db, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var deferred = new DeferredIndexes(db);
        var drop = new List<string>();
        if (db.IsPostgres)
        {
            // Foreign keys from and to these tables, then their primary keys, then their other indexes.
            var constraints = await deferred.QueryAsync(
                """
                SELECT c.contype::text, c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid)
                FROM pg_constraint c
                WHERE (c.contype = 'f' AND (c.conrelid::regclass::text = ANY(@tables) OR c.confrelid::regclass::text = ANY(@tables)))
                   OR (c.contype = 'p' AND c.conrelid::regclass::text = ANY(@tables))
                ORDER BY c.contype, c.conname
                """, tables, ct);
            var indexes = await deferred.QueryAsync(
                """
                SELECT 'i', i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                FROM pg_index i
                WHERE i.indrelid::regclass::text = ANY(@tables)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
                ORDER BY 3
                """, tables, ct);
            foreach (var (kind, table, name, _) in constraints)
            {
                drop.Add($"ALTER TABLE {table} DROP CONSTRAINT {name}");
            }
            drop.AddRange(indexes.Select(x => $"DROP INDEX {x.Name}"));
            deferred._restore.AddRange(constraints.Where(x => x.Kind == "p").Select(x => $"ALTER TABLE {x.Table} ADD CONSTRAINT {x.Name} {x.Definition}"));
            deferred._restore.AddRange(indexes.Select(x => x.Definition));
            deferred._restore.AddRange(constraints.Where(x => x.Kind == "f").Select(x => $"ALTER TABLE {x.Table} ADD CONSTRAINT {x.Name} {x.Definition}"));
            // Room to sort the biggest index in memory while it is rebuilt; for this transaction only.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL maintenance_work_mem = '256MB'", ct);
        }
        else
        {
            // SQLite cannot drop a table's primary key; its other indexes it can.
            var indexes = await deferred.QueryAsync(
                "SELECT 'i', tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(@tables)) ORDER BY name",
                tables, ct);
            drop.AddRange(indexes.Select(x => $"DROP INDEX \"{x.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
            deferred._restore.AddRange(indexes.Select(x => x.Definition));
        }
        foreach (var sql in drop)
        {
            await deferred.ExecuteAsync(sql, ct);
        }
        return deferred;
    }

    public async Task RestoreAsync(CancellationToken ct)
    {
        foreach (var sql in _restore)
        {
            await ExecuteAsync(sql, ct);
        }
        _restore.Clear();
    }

    private DbCommand Command(string sql)
    {
        var cmd = _db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        cmd.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        return cmd;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var cmd = Command(sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<List<(string Kind, string Table, string Name, string Definition)>> QueryAsync(string sql, IReadOnlyList<string> tables, CancellationToken ct)
    {
        await using var cmd = Command(sql);
        var p = cmd.CreateParameter();
        p.ParameterName = "@tables";
        p.Value = _db.IsPostgres ? tables.ToArray() : System.Text.Json.JsonSerializer.Serialize(tables);
        cmd.Parameters.Add(p);
        var rows = new List<(string, string, string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        return rows;
    }
}
