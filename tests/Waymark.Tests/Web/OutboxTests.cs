using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Outbox;
using Waymark.Tests.Infrastructure;
using Waymark.Tests.Pages.Account;
using Waymark.Web.Referrals;

namespace Waymark.Tests.Web;

/// <summary>
/// Notifications go through the outbox: written with the change, delivered by the relay once, even when
/// the app stops between saving and sending and when two relays run over the same queue.
/// </summary>
public sealed class OutboxTests
{
    [Fact]
    public async Task A_message_saved_before_a_crash_is_delivered_exactly_once_after_restart()
    {
        using var database = new TestDatabase();
        var folder = Path.Combine(Path.GetTempPath(), $"waymark-outbox-{Guid.NewGuid():N}");
        try
        {
            Guid referralId;
            string personEmail;
            // First life: the referral is saved with its message; the relay never runs (the "crash").
            using (var first = new RestartableApp(database, folder, relay: false))
            {
                var (_, service) = await first.AddReferrableServiceAsync();
                var (person, account) = await first.SignInWithPasswordOnlyAsync(Roles.Person);
                using var _p = person;
                personEmail = account.Email;
                referralId = await person.SelfReferAsync(first, service.Id, "Secret words that must never be in a message");
                await using var db = first.OpenDb();
                var queued = await db.OutboxMessages.Where(m => m.SubjectId == referralId).ToListAsync();
                var message = Assert.Single(queued);
                Assert.Null(message.DeliveredAt);
                Assert.Equal(personEmail, message.Recipient);
            }
            Assert.Empty(Files(folder));

            // Second life, with two relays over the same queue: the background one and one driven here.
            using (var second = new RestartableApp(database, folder, relay: true))
            using (var third = new RestartableApp(database, folder, relay: false))
            {
                _ = second.Services; // starts the host and its background relay
                var relay = third.Services.GetRequiredService<OutboxRelay>();
                await Task.WhenAll(relay.RunOnceAsync(), relay.RunOnceAsync());
                await WaitForAsync(async () =>
                {
                    await using var db = second.OpenDb();
                    return await db.OutboxMessages.AllAsync(m => m.DeliveredAt != null);
                });
                await relay.RunOnceAsync();
                await second.Services.GetRequiredService<OutboxRelay>().RunOnceAsync();

                var file = Assert.Single(Files(folder));
                var text = await File.ReadAllTextAsync(file);
                Assert.Contains(personEmail, text, StringComparison.Ordinal);
                Assert.DoesNotContain("Secret words", text, StringComparison.Ordinal);

                await using var check = second.OpenDb();
                var message = await check.OutboxMessages.SingleAsync(m => m.SubjectId == referralId);
                Assert.Equal($"{message.Id}.json", Path.GetFileName(file));
                Assert.Equal(1, message.Attempts);
                Assert.Single(await check.OutboxAttempts.Where(a => a.MessageId == message.Id).ToListAsync(), a => a.Succeeded);
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_failed_delivery_is_recorded_and_retried_later()
    {
        using var app = new RestartableApp(new TestDatabase(), Path.Combine(Path.GetTempPath(), $"waymark-outbox-{Guid.NewGuid():N}"), relay: false, ownsDatabase: true);
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await using (var db = app.OpenDb())
        {
            db.OutboxMessages.Add(new OutboxMessage { Id = id, CreatedAt = now, NextAttemptAt = now, Channel = "email", Recipient = "a@example.org", Subject = "s", Body = "b" });
            await db.SaveChangesAsync();
        }
        var failing = new OutboxRelay(app.Services.GetRequiredService<IDbContextFactory<Waymark.Core.Data.WaymarkDbContext>>(), new FailingSender(), TimeProvider.System, app.Services.GetRequiredService<IDeliveredMessageCopies>());

        Assert.Equal(0, await failing.RunOnceAsync());
        Assert.Equal(0, await failing.RunOnceAsync()); // not due again yet

        await using var check = app.OpenDb();
        var message = await check.OutboxMessages.SingleAsync(m => m.Id == id);
        Assert.Equal(1, message.Attempts);
        Assert.Null(message.DeliveredAt);
        Assert.Null(message.ClaimToken);
        Assert.Equal("The mail server said no", message.LastError);
        Assert.InRange(message.NextAttemptAt - now, OutboxRelay.RetrySchedule[0] - TimeSpan.FromSeconds(5), OutboxRelay.RetrySchedule[0] + TimeSpan.FromMinutes(1));
        var attempt = Assert.Single(await check.OutboxAttempts.Where(a => a.MessageId == id).ToListAsync());
        Assert.False(attempt.Succeeded);
    }

    [Fact]
    public async Task A_batch_cut_off_by_a_failover_is_delivered_once_when_the_database_is_back_not_after_the_lease()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"waymark-outbox-{Guid.NewGuid():N}");
        using var app = new OutageApp(new TestDatabase(), folder);
        var now = DateTimeOffset.UtcNow;
        Guid[] ids = [Guid.CreateVersion7(), Guid.CreateVersion7()];
        await using (var db = app.OpenDb())
        {
            for (var i = 0; i < ids.Length; i++)
            {
                db.OutboxMessages.Add(new OutboxMessage { Id = ids[i], CreatedAt = now.AddSeconds(i), NextAttemptAt = now, Channel = "email", Recipient = $"{i}@example.org", Subject = "s", Body = "b" });
            }
            await db.SaveChangesAsync();
        }
        // The primary stops the moment the first message has gone, before the relay can record it or send the second.
        var sender = new FolderOutboxSender(folder);
        var relay = new OutboxRelay(app.Services.GetRequiredService<IDbContextFactory<Waymark.Core.Data.WaymarkDbContext>>(),
            new OutageAfterSending(sender, app.Outage), TimeProvider.System, app.Services.GetRequiredService<IDeliveredMessageCopies>());
        await Assert.ThrowsAnyAsync<Exception>(() => relay.RunOnceAsync());
        Assert.Single(Files(folder));

        // The standby is promoted: the same relay, in the same process, carries on at once rather than after its lease.
        app.Outage.Down = false;
        Assert.Equal(1, await relay.RunOnceAsync());
        Assert.Equal(0, await relay.RunOnceAsync());

        await using var check = app.OpenDb();
        foreach (var id in ids)
        {
            var message = await check.OutboxMessages.SingleAsync(m => m.Id == id);
            Assert.NotNull(message.DeliveredAt);
            Assert.Equal(1, message.Attempts);
            Assert.Null(message.ClaimToken);
            Assert.Single(await check.OutboxAttempts.Where(a => a.MessageId == id).ToListAsync(), a => a.Succeeded);
        }
        Assert.Equal(ids.Select(id => FolderOutboxSender.FileName(id)).Order(), Files(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Do_not_contact_me_queues_nothing_for_the_person()
    {
        using var app = new RestartableApp(new TestDatabase(), Path.Combine(Path.GetTempPath(), $"waymark-outbox-{Guid.NewGuid():N}"), relay: false, ownsDatabase: true);
        var (_, service) = await app.AddReferrableServiceAsync();
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;

        var id = await person.SelfReferAsync(app, service.Id, "I will ring you on Monday", contact: "None");

        await using var db = app.OpenDb();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.SubjectId == id));
        Assert.True(await db.Referrals.AnyAsync(r => r.Id == id));
    }

    private static string[] Files(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : [];

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the relay");
            await Task.Delay(100);
        }
    }

    private sealed class FailingSender : IOutboxSender
    {
        public Task SendAsync(OutboxMessage message, CancellationToken ct) => throw new IOException("The mail server said no");
    }

    /// <summary>Sends; after the first message the database goes away (every command fails as a lost connection does) until the test brings it back.</summary>
    private sealed class OutageAfterSending(IOutboxSender sender, DatabaseOutage outage) : IOutboxSender
    {
        private int _sent;

        public async Task SendAsync(OutboxMessage message, CancellationToken ct)
        {
            await sender.SendAsync(message, ct);
            if (Interlocked.Increment(ref _sent) == 1)
            {
                outage.Down = true;
            }
        }
    }

    /// <summary>Every database command fails as one to a stopped primary does, while <see cref="Down"/>.</summary>
    private sealed class DatabaseOutage : DbCommandInterceptor
    {
        public volatile bool Down;

        private void Check()
        {
            if (Down)
            {
                throw new LostConnection();
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Check();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Check();
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Check();
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>The app (no background relay) whose database can be taken away and brought back.</summary>
    private sealed class OutageApp(TestDatabase database, string folder) : AccountsApp(database, folder, ownsDatabase: true)
    {
        public DatabaseOutage Outage { get; } = new();

        protected override bool RunsOutboxRelay => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s =>
            {
                s.ConfigureDbContext<SqliteWaymarkDbContext>(o => o.AddInterceptors(Outage));
                s.ConfigureDbContext<PostgresWaymarkDbContext>(o => o.AddInterceptors(Outage));
            });
        }
    }

    private sealed class RestartableApp(TestDatabase database, string folder, bool relay, bool ownsDatabase = false) : AccountsApp(database, folder, ownsDatabase)
    {
        protected override bool RunsOutboxRelay => relay;
    }
}
