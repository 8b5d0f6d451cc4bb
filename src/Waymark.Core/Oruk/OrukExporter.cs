using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Oruk;

/// <summary>Writes every service as an ORUK 3.0 JSON array of full services, ordered by id, a chunk at a time.</summary>
public sealed class OrukExporter(WaymarkDbContext db)
{
    public int ChunkSize { get; init; } = 1000;

    public async Task<int> ExportAsync(Stream output, bool indented = true, CancellationToken ct = default)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented });
        var options = indented ? OrukJson.Indented : OrukJson.Options;
        json.WriteStartArray();
        var count = 0;
        Guid? after = null;
        while (true)
        {
            var query = db.Services.AsNoTracking();
            if (after is { } last)
            {
                query = query.Where(s => s.Id.CompareTo(last) > 0);
            }
            var ids = await query.OrderBy(s => s.Id).Select(s => s.Id).Take(ChunkSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }
            var byId = await ServiceGraphLoader.LoadAsync(db, ids, ct);
            // The database orders ids its own way (text on SQLite, uuid on PostgreSQL); the chunk is ordered by it,
            // the records inside a chunk too, so the file is in the database's id order and paging never skips.
            foreach (var id in ids)
            {
                JsonSerializer.Serialize(json, OrukExport.ToOruk(byId[id]), options);
                count++;
            }
            await json.FlushAsync(ct);
            after = ids[^1];
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
        return count;
    }
}
