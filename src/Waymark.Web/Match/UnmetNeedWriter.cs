using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Insights;

namespace Waymark.Web.Match;

/// <summary>Writes the unmet-need counts that searches drop into <see cref="UnmetNeedRecorder"/>, in batches, off the request path.</summary>
internal sealed class UnmetNeedWriter(UnmetNeedRecorder recorder, IDbContextFactory<WaymarkDbContext> databases, ILogger<UnmetNeedWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Dictionary<UnmetNeedKey, int> batch;
            try
            {
                batch = await recorder.NextBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (batch.Count == 0)
            {
                continue;
            }
            try
            {
                await using var db = await databases.CreateDbContextAsync(stoppingToken);
                await UnmetNeedRecorder.AddAsync(db, batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Counts are a statistic: losing a batch is better than stopping searches.
                logger.LogWarning(e, "Could not record {Rows} unmet-need counts", batch.Count);
            }
        }
    }
}
