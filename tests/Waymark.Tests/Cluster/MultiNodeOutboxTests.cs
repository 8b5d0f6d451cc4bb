using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Data;
using Waymark.Core.Outbox;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Cluster;

/// <summary>
/// Three web nodes over one database, each with its own relay, drain one queue at the same time: every message is
/// handed to the real sender exactly once, with one attempt recorded (issue #18, "exactly once across nodes").
/// </summary>
public sealed class MultiNodeOutboxTests
{
    private const int Messages = 300;
    private const int Nodes = 3;

    [Fact]
    public async Task Three_nodes_relaying_one_queue_deliver_each_message_exactly_once()
    {
        using var database = new TestDatabase();
        var folder = Path.Combine(Path.GetTempPath(), $"waymark-outbox-{Guid.NewGuid():N}");
        var nodes = Enumerable.Range(0, Nodes).Select(_ => new Node(database, folder)).ToList();
        try
        {
            var now = DateTimeOffset.UtcNow;
            await using (var db = nodes[0].OpenDb())
            {
                for (var i = 0; i < Messages; i++)
                {
                    db.OutboxMessages.Add(new OutboxMessage
                    {
                        Id = Guid.CreateVersion7(),
                        CreatedAt = now.AddMilliseconds(i),
                        NextAttemptAt = now,
                        Channel = "email",
                        Recipient = $"person{i}@example.org",
                        Subject = "Your referral",
                        Body = "Sign in to Waymark to read it.",
                    });
                }
                await db.SaveChangesAsync();
            }

            var sends = new ConcurrentDictionary<Guid, int>();
            var relays = nodes.Select(node => node.Relay(sends)).ToList();
            // Each node keeps relaying until it finds nothing left, all three at once, as their background services would.
            var deliveredPerNode = await Task.WhenAll(relays.Select(relay => Task.Run(async () =>
            {
                var delivered = 0;
                int batch;
                while ((batch = await relay.RunOnceAsync()) > 0)
                {
                    delivered += batch;
                }
                return delivered;
            })));

            Assert.Equal(Messages, deliveredPerNode.Sum());
            Assert.Equal(Messages, sends.Count);
            Assert.All(sends.Values, count => Assert.Equal(1, count));
            Assert.Equal(Messages, Directory.GetFiles(folder, "*.json").Length);
            await using var check = nodes[0].OpenDb();
            Assert.Equal(Messages, await check.OutboxMessages.CountAsync(m => m.DeliveredAt != null && m.Attempts == 1 && m.ClaimToken == null));
            Assert.Equal(Messages, await check.OutboxAttempts.CountAsync(a => a.Succeeded));
            Assert.Equal(Messages, await check.OutboxAttempts.CountAsync());
        }
        finally
        {
            nodes.ForEach(n => n.Dispose());
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Counts each hand-over to the real (folder) sender, by message id.</summary>
    private sealed class CountingSender(IOutboxSender inner, ConcurrentDictionary<Guid, int> sends) : IOutboxSender
    {
        public async Task SendAsync(OutboxMessage message, CancellationToken ct)
        {
            sends.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
            await inner.SendAsync(message, ct);
        }
    }

    /// <summary>One web node: the whole app over the shared database and outbox folder, background relay off so the test drives it.</summary>
    private sealed class Node(TestDatabase database, string folder) : WaymarkApp(database, folder, ownsDatabase: false)
    {
        public OutboxRelay Relay(ConcurrentDictionary<Guid, int> sends) => new(
            Services.GetRequiredService<IDbContextFactory<WaymarkDbContext>>(),
            new CountingSender(Services.GetRequiredService<IOutboxSender>(), sends),
            TimeProvider.System,
            Services.GetRequiredService<IDeliveredMessageCopies>());
    }
}
