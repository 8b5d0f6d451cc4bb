using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Gazetteer;
using Waymark.Core.Matching;
using Waymark.Core.Oruk;

namespace Waymark.Tests.Match;

/// <summary>Looks a service up in a snapshot the way a search would, and waits for the index to settle.</summary>
internal static class SearchProbe
{
    public static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    public static ServiceMatch? Find(DirectorySnapshot snapshot, Guid id, double lat, double lon) =>
        new Matcher(new NoReferralWaits())
            .Match(snapshot, new MatchQuery { Place = new ResolvedPlace("here", lat, lon, PlacePrecision.Postcode, null), WithinKm = 2, Limit = MatchQuery.MaxLimit, At = Noon }, Noon)
            .Results.FirstOrDefault(r => r.Id == id);

    /// <summary>Polls until <paramref name="condition"/> holds or the time is up; returns whether it held and how long it took.</summary>
    public static async Task<(bool Held, TimeSpan After)> UntilAsync(Func<bool> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > within)
            {
                return (false, clock.Elapsed);
            }
            await Task.Delay(10);
        }
        return (true, clock.Elapsed);
    }

    /// <summary>Waits for the first load and for every change heard so far to be applied.</summary>
    public static async Task SettledAsync(DirectoryIndex index, TimeSpan? quiet = null)
    {
        Assert.True(await index.WaitUntilReadyAsync(TimeSpan.FromSeconds(30)), "the first load did not finish");
        // A change from another process is heard after a notification or a poll; give it that long to arrive.
        await Task.Delay(quiet ?? TimeSpan.FromSeconds(1.5));
        Assert.True((await UntilAsync(() => !index.IsUpdating, TimeSpan.FromSeconds(30))).Held, "the index did not settle");
    }

    /// <summary>Imports a synthetic feed the way <c>waymark import oruk</c> does, in its own context (another process, as far as the index knows).</summary>
    public static async Task<ImportResult> ImportAsync(IServiceProvider services, int seed, int count)
    {
        using var feed = new MemoryStream();
        await new SyntheticDirectory(seed).WriteAsync(feed, count);
        feed.Position = 0;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Waymark.Core.Data.WaymarkDbContext>();
        var result = await new OrukImporter(db, TimeProvider.System).ImportStreamAsync(feed, skipInvalid: false);
        Assert.True(result.Committed, string.Join("; ", result.Rejections));
        return result;
    }
}
