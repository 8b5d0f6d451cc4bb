using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Waymark.Core.Oruk;

namespace Waymark.Core.Data;

/// <summary>
/// Inserts and updates many rows with plain multi-row SQL inside the context's current transaction, taking
/// table, column and type mappings from the EF Core model. The change tracker cannot hold the two million
/// rows of a large import; this holds none.
/// </summary>
public sealed class BulkWriter(WaymarkDbContext db)
{
    // Microsoft.Data.Sqlite binds parameters by name with a linear search, so one prepared single-row statement
    // is its fastest form (measured). PostgreSQL uses COPY instead.
    private const int MaxParameters = 1;
    private const int MaxRows = 500;
    private readonly Dictionary<(Type, int), DbCommand> _inserts = [];
    private readonly Dictionary<Type, DbCommand> _updates = [];
    private readonly Dictionary<Type, Table> _tables = [];

    public ImportTimings? Timings { get; init; }

    public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        if (Timings is { } timings)
        {
            await timings.TimeAsync($"insert {typeof(T).Name}", () => InsertRowsAsync(rows, ct));
            return;
        }
        await InsertRowsAsync(rows, ct);
    }

    private async Task InsertRowsAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        var table = TableOf(typeof(T));
        if (db.IsPostgres)
        {
            await CopyAsync(table, rows, ct);
            return;
        }
        var perStatement = Math.Max(1, Math.Min(MaxRows, MaxParameters / table.Columns.Count));
        for (var start = 0; start < rows.Count;)
        {
            // Full batches, then single rows: two statement shapes per table, each prepared once.
            var count = rows.Count - start >= perStatement ? perStatement : 1;
            var cmd = InsertCommand(table, count);
            var p = 0;
            for (var r = start; r < start + count; r++)
            {
                foreach (var column in table.Columns)
                {
                    cmd.Parameters[p++].Value = column.Value(rows[r]);
                }
            }
            await cmd.ExecuteNonQueryAsync(ct);
            start += count;
        }
    }

    // PostgreSQL's binary COPY: no SQL to parse per row, the fastest way in.
    private async Task CopyAsync<T>(Table table, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            foreach (var column in table.Columns)
            {
                var value = column.Value(row);
                if (value is null or DBNull)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(value, column.StoreType, ct);
                }
            }
        }
        await copy.CompleteAsync(ct);
    }

    public async Task UpdateAsync<T>(IReadOnlyList<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var table = TableOf(typeof(T));
        if (!_updates.TryGetValue(typeof(T), out var cmd))
        {
            cmd = NewCommand();
            var sets = new List<string>();
            string? where = null;
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                cmd.Parameters.Add(column.Mapping.CreateParameter(cmd, $"@p{i}", null, column.Nullable));
                if (column.IsKey)
                {
                    where = $"{column.Name} = @p{i}";
                }
                else
                {
                    sets.Add($"{column.Name} = @p{i}");
                }
            }
            cmd.CommandText = $"UPDATE {table.Name} SET {string.Join(", ", sets)} WHERE {where}";
            _updates[typeof(T)] = cmd;
        }
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var row in rows)
        {
            for (var i = 0; i < table.Columns.Count; i++)
            {
                cmd.Parameters[i].Value = table.Columns[i].Value(row);
            }
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private DbCommand InsertCommand(Table table, int count)
    {
        if (!_inserts.TryGetValue((table.Type, count), out var cmd))
        {
            cmd = NewCommand();
            var values = new List<string>(count);
            var p = 0;
            for (var r = 0; r < count; r++)
            {
                var names = new List<string>(table.Columns.Count);
                foreach (var column in table.Columns)
                {
                    var name = $"@p{p++}";
                    cmd.Parameters.Add(column.Mapping.CreateParameter(cmd, name, null, column.Nullable));
                    names.Add(name);
                }
                values.Add($"({string.Join(", ", names)})");
            }
            cmd.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) VALUES {string.Join(", ", values)}";
            _inserts[(table.Type, count)] = cmd;
        }
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return cmd;
    }

    private DbCommand NewCommand()
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandTimeout = 600;
        return cmd;
    }

    private Table TableOf(Type type)
    {
        if (_tables.TryGetValue(type, out var table))
        {
            return table;
        }
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var tableName = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var columns = entity.GetProperties()
            .Where(p => p.PropertyInfo is not null)
            .Select(p =>
            {
                var mapping = (RelationalTypeMapping)p.GetTypeMapping();
                var getter = p.GetGetter();
                var converter = mapping.Converter;
                Func<object, object?> value = converter is null
                    ? e => getter.GetClrValueUsingContainingEntity(e) ?? DBNull.Value
                    : e => getter.GetClrValueUsingContainingEntity(e) is { } v ? converter.ConvertToProvider(v) : DBNull.Value;
                var storeType = mapping.StoreType;
                var bracket = storeType.IndexOf('(', StringComparison.Ordinal);
                return new Column(sql.DelimitIdentifier(p.GetColumnName(store)!), mapping, p.IsNullable, p == key, value, bracket < 0 ? storeType : storeType[..bracket]);
            })
            .ToList();
        table = new Table(type, sql.DelimitIdentifier(tableName, entity.GetSchema()), columns);
        _tables[type] = table;
        return table;
    }

    private sealed record Table(Type Type, string Name, List<Column> Columns);

    private sealed record Column(string Name, RelationalTypeMapping Mapping, bool Nullable, bool IsKey, Func<object, object?> Value, string StoreType);
}
