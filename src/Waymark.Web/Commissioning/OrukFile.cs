using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Data;
using Waymark.Core.Oruk;

namespace Waymark.Web.Commissioning;

/// <summary>The services behind a commissioning figure, as an ORUK 3.0 array of full services: the same records /oruk gives.</summary>
public static class OrukFile
{
    public static async Task<FileContentResult> ServicesAsync(WaymarkDbContext reads, IReadOnlyList<Guid> ids, string fileName, CancellationToken ct)
    {
        var graphs = await ServiceGraphLoader.LoadAsync(reads, ids, ct);
        var services = ids.Where(graphs.ContainsKey).Select(id => OrukExport.ToOruk(graphs[id])).ToList();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(services, OrukJson.Indented);
        return new FileContentResult(bytes, "application/json") { FileDownloadName = fileName };
    }
}
