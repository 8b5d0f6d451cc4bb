using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Gazetteer;
using Waymark.Core.Schedules;

namespace Waymark.Core.Insights;

/// <summary>
/// How many searches on a UK day, in a local authority, with a set of parameters, found nothing that fitted.
/// Nothing here can identify a person: no values, no postcode, no address, no time of day.
/// </summary>
public sealed class UnmetNeed
{
    public const string UnknownArea = "unknown";

    public required string LocalAuthority { get; set; }
    public DateOnly Day { get; set; }

    /// <summary>The NAMES of the parameters given, sorted and comma-separated ("delivery,format,near,when").</summary>
    public required string Constraints { get; set; }
    public int Searches { get; set; }
}

public readonly record struct UnmetNeedKey(string LocalAuthority, DateOnly Day, string Constraints)
{
    public static UnmetNeedKey For(ResolvedPlace? place, IEnumerable<string> givenParameters, DateTimeOffset now) => new(
        place?.LocalAuthority is { Length: > 0 } la ? la : UnmetNeed.UnknownArea,
        UkTime.DateOf(now),
        string.Join(',', givenParameters.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
}

/// <summary>
/// Takes unmet-need counts off the request path: a search only drops a key into a bounded channel (dropping it when
/// the writer is far behind); a background writer adds them up and upserts them in batches.
/// </summary>
public sealed class UnmetNeedRecorder
{
    private readonly Channel<UnmetNeedKey> _channel = Channel.CreateBounded<UnmetNeedKey>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Record(UnmetNeedKey key) => _channel.Writer.TryWrite(key);

    public ChannelReader<UnmetNeedKey> Reader => _channel.Reader;

    /// <summary>Waits for at least one key, then takes all that are waiting, added up.</summary>
    public async Task<Dictionary<UnmetNeedKey, int>> NextBatchAsync(CancellationToken ct)
    {
        var batch = new Dictionary<UnmetNeedKey, int>();
        if (!await _channel.Reader.WaitToReadAsync(ct))
        {
            return batch;
        }
        while (batch.Count < 1000 && _channel.Reader.TryRead(out var key))
        {
            batch[key] = batch.GetValueOrDefault(key) + 1;
        }
        return batch;
    }

    /// <summary>Adds counts to their rows, creating rows as needed, in one statement per row (an upsert on both engines).</summary>
    public static async Task AddAsync(WaymarkDbContext db, IReadOnlyDictionary<UnmetNeedKey, int> counts, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (key, count) in counts)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO unmet_need (local_authority, day, constraints, searches) VALUES ({key.LocalAuthority}, {key.Day}, {key.Constraints}, {count})
                ON CONFLICT (local_authority, day, constraints) DO UPDATE SET searches = unmet_need.searches + excluded.searches
                """,
                ct);
        }
        await tx.CommitAsync(ct);
    }
}
