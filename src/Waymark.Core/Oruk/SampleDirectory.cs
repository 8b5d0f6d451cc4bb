using Waymark.Core.Data;

namespace Waymark.Core.Oruk;

/// <summary>The fictional Yorkshire and the Humber sample directory shipped inside this assembly.</summary>
public static class SampleDirectory
{
    public const string YorkshireAndHumber = "yorkshire-and-humber";

    public static Stream Open(string name = YorkshireAndHumber) =>
        typeof(SampleDirectory).Assembly.GetManifestResourceStream($"Waymark.Core.Sample.{name}.json")
        ?? throw new InvalidOperationException($"There is no sample directory called '{name}'.");

    /// <summary>
    /// Imports the sample through the same importer as <c>waymark import oruk</c>, only into a directory with no
    /// services, so a second start (or a real directory) is never touched. Returns null when it did nothing.
    /// </summary>
    public static async Task<ImportResult?> SeedAsync(WaymarkDbContext db, TimeProvider time, string name = YorkshireAndHumber, CancellationToken ct = default)
    {
        if (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Services, ct))
        {
            return null;
        }
        await using var sample = Open(name);
        var result = await new OrukImporter(db, time).ImportStreamAsync(sample, skipInvalid: false, ct);
        if (!result.Committed)
        {
            throw new InvalidOperationException($"The sample directory '{name}' did not import: {string.Join("; ", result.Rejections.Take(5))}");
        }
        await Groups.SampleGroupSessions.AddAsync(db, time, ct);
        return result;
    }
}
