using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Commissioning;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Oruk;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Core.Commissioning;

/// <summary>
/// Coverage reads the directory a batch at a time (so a refresh over 1M services holds one batch's related rows, not
/// all of them): read in batches of a handful, every figure must be what one read of everything gives.
/// </summary>
public sealed class CoverageBatchTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Reading_in_small_batches_gives_the_figures_of_one_read()
    {
        await using var db = _database.Open();
        await db.Database.MigrateAsync();
        Assert.NotNull(await SampleDirectory.SeedAsync(db, TimeProvider.System));
        var at = new FixedClock(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
        var active = await db.Services.CountAsync(s => s.Status == ServiceStatus.Active);
        // One batch holds the whole sample; batches of 7 split it many times over, and end on a part-filled batch.
        var whole = new Coverage(db, at) { BatchSize = active + 1 };
        var batched = new Coverage(db, at) { BatchSize = 7 };
        Assert.True(active > 100 && active % 7 != 0, $"{active} active services");

        foreach (var region in ReferenceData.RegionNames.Keys)
        {
            Assert.Equal(JsonSerializer.Serialize(await whole.CountsAsync(region)), JsonSerializer.Serialize(await batched.CountsAsync(region)));
        }
        var listings = await whole.ActiveListingsAsync();
        Assert.Equal(active, listings.Count);
        Assert.Equal(Describe(listings), Describe(await batched.ActiveListingsAsync()));
        var leeds = LocalAuthorities.Find("Leeds")!;
        Assert.NotEmpty(await whole.ServiceIdsAsync(leeds, "groups"));
        Assert.Equal(await whole.ServiceIdsAsync(leeds, "groups"), await batched.ServiceIdsAsync(leeds, "groups"));
        Assert.Equal(await whole.ServiceIdsAsync(leeds, null), await batched.ServiceIdsAsync(leeds, null));
        var some = listings.Select(l => l.Id).Where((_, i) => i % 3 == 0).ToList();
        var places = await new Coverage(db, at) { BatchSize = 5 }.PlacesAsync(some);
        Assert.Equal(some.Order(), places.Keys.Order());
        Assert.All(listings.Where(l => places.ContainsKey(l.Id)), l => Assert.Equal(l.Places, places[l.Id]));
    }

    private static List<string> Describe(IEnumerable<(Guid Id, IReadOnlyList<LocalAuthority> Places, DateOnly? Assured)> listings) =>
        [.. listings.Select(l => $"{l.Id} {string.Join(',', l.Places.Select(p => p.Code))} {l.Assured}").Order(StringComparer.Ordinal)];
}
