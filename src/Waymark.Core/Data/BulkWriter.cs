using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;
using Waymark.Core.Oruk;

namespace Waymark.Core.Data;

/// <summary>
/// Inserts and updates many rows with plain multi-row SQL inside the context's current transaction, taking
/// table, column and type mappings from the EF Core model. The change tracker cannot hold the two million
/// rows of a large import; this holds none.
/// </summary>
public sealed class BulkWriter(WaymarkDbContext db) : IDisposable
{
    // Microsoft.Data.Sqlite binds parameters by name with a linear search, so one prepared single-row statement
    // is its fastest form (measured). PostgreSQL uses COPY instead.
    private const int MaxParameters = 1;
    private const int MaxRows = 500;
    private readonly Dictionary<(Type, int), DbCommand> _inserts = [];
    private readonly Dictionary<Type, DbCommand> _updates = [];
    private readonly Dictionary<Type, Table> _tables = [];
    private readonly Dictionary<Type, sqlite3_stmt> _raw = [];
    private static readonly HashSet<Type> RawTypes = [typeof(string), typeof(Guid), typeof(int), typeof(long), typeof(bool), typeof(double), typeof(DateOnly)];

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
        if (!db.IsPostgres && RawInsert(table, rows))
        {
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

    // SQLite through its C API: a statement prepared once per table, values bound by position and stepped.
    // Microsoft.Data.Sqlite looks every parameter up by name and opens a data reader on every execution, which
    // cost more than SQLite's own work for these small rows. Values are bound exactly as Microsoft.Data.Sqlite
    // binds them (a Guid as upper-case text, a date as yyyy-MM-dd); a table with any other kind of value goes
    // the ordinary way.
    private bool RawInsert<T>(Table table, IReadOnlyList<T> rows) where T : class
    {
        if (!table.Columns.All(c => RawTypes.Contains(Nullable.GetUnderlyingType(c.ProviderType) ?? c.ProviderType)))
        {
            return false;
        }
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        if (!_raw.TryGetValue(table.Type, out var stmt))
        {
            var sql = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", table.Columns.Select(_ => "?"))})";
            var rc = raw.sqlite3_prepare_v2(handle, sql, out stmt);
            SqliteException.ThrowExceptionForRC(rc, handle);
            _raw[table.Type] = stmt;
        }
        Span<byte> guid = stackalloc byte[36];
        foreach (var row in rows)
        {
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var at = i + 1;
                var rc = table.Columns[i].Value(row) switch
                {
                    null or DBNull => raw.sqlite3_bind_null(stmt, at),
                    string text => raw.sqlite3_bind_text(stmt, at, text),
                    Guid g => raw.sqlite3_bind_text(stmt, at, UpperCase(g, guid)),
                    int n => raw.sqlite3_bind_int64(stmt, at, n),
                    long n => raw.sqlite3_bind_int64(stmt, at, n),
                    bool b => raw.sqlite3_bind_int64(stmt, at, b ? 1 : 0),
                    double d => raw.sqlite3_bind_double(stmt, at, d),
                    DateOnly d => raw.sqlite3_bind_text(stmt, at, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    _ => throw new UnreachableException(),
                };
                SqliteException.ThrowExceptionForRC(rc, handle);
            }
            var step = raw.sqlite3_step(stmt);
            raw.sqlite3_reset(stmt);
            if (step != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(step, handle);
            }
        }
        return true;
    }

    private static ReadOnlySpan<byte> UpperCase(Guid g, Span<byte> utf8)
    {
        g.TryFormat(utf8, out _, "D");
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] is >= (byte)'a' and <= (byte)'f')
            {
                utf8[i] -= 32;
            }
        }
        return utf8;
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
        Span<byte> guid = stackalloc byte[36];
        foreach (var row in rows)
        {
            for (var i = 0; i < table.Columns.Count; i++)
            {
                cmd.Parameters[i].Value = table.Columns[i].Value(row);
            }
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public void Dispose()
    {
        foreach (var stmt in _raw.Values)
        {
            stmt.Dispose();
        }
        _raw.Clear();
        foreach (var cmd in _inserts.Values.Concat(_updates.Values))
        {
            cmd.Dispose();
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
                return new Column(sql.DelimitIdentifier(p.GetColumnName(store)!), mapping, p.IsNullable, p == key, value, bracket < 0 ? storeType : storeType[..bracket],
                    converter?.ProviderClrType ?? mapping.ClrType);
            })
            .ToList();
        table = new Table(type, sql.DelimitIdentifier(tableName, entity.GetSchema()), columns);
        _tables[type] = table;
        return table;
    }

    private sealed record Table(Type Type, string Name, List<Column> Columns);

    private sealed record Column(string Name, RelationalTypeMapping Mapping, bool Nullable, bool IsKey, Func<object, object?> Value, string StoreType, Type ProviderType);
}
