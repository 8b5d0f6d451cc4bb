using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Tests.Infrastructure;
using Waymark.Web.Accounts;

namespace Waymark.Tests.Cluster;

/// <summary>
/// Sign-ups answered "check your email" are kept in the database until they are worked on, so a node that stops
/// (crashes, is killed, is redeployed) before doing them loses nothing: another node does each exactly once
/// (issue #18, "stateless nodes" and "exactly once across nodes").
/// </summary>
public sealed class AccountWorkAcrossNodesTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"waymark-outbox-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_node_that_answered_a_sign_up_does_it_once_and_leaves_nothing_behind()
    {
        using var node = new Node(_database, _folder, works: true);
        var email = $"one-{Guid.NewGuid():N}@example.org";

        await SignUpAsync(node, email);
        await node.AccountWorkDoneAsync();

        await using var db = node.OpenDb();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == email));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Recipient == email));
        Assert.False(await db.AccountWork.AnyAsync());
    }

    [Fact]
    public async Task Sign_ups_a_node_answered_but_never_did_are_done_once_by_another_node_after_its_claim_lapses()
    {
        var emails = Enumerable.Range(0, 6).Select(i => $"crash-{i}-{Guid.NewGuid():N}@example.org").ToList();
        using (var crashed = new Node(_database, _folder, works: false))
        {
            foreach (var email in emails)
            {
                await SignUpAsync(crashed, email);
            }
            await using var db = crashed.OpenDb();
            Assert.Equal(emails.Count, await db.AccountWork.CountAsync(w => w.Kind == SignUpJob.Kind));
            Assert.False(await db.Users.AnyAsync());
            // Kept encrypted, and the password not at all: a copy of the tables shows neither.
            Assert.Empty(await DatabaseScan.FindAsync(db, [.. emails, AccountsApp.GoodPassword]));
        }

        // The first node is gone without doing its work; the next one starts once its claims have lapsed.
        using var next = new Node(_database, _folder, works: true, new MovableClock(DateTimeOffset.UtcNow + AccountWork.Lease + TimeSpan.FromMinutes(1)));
        await next.AccountWorkDoneAsync();

        await using var check = next.OpenDb();
        foreach (var email in emails)
        {
            Assert.Equal(1, await check.Users.CountAsync(u => u.Email == email));
            Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.Recipient == email));
        }
    }

    [Fact]
    public async Task Two_nodes_working_one_queue_at_once_send_each_sign_ups_email_exactly_once()
    {
        const int People = 40;
        var emails = Enumerable.Range(0, People).Select(i => $"both-{i}-{Guid.NewGuid():N}@example.org").ToList();
        var twice = emails.Take(8).ToList();
        using (var answering = new Node(_database, _folder, works: false))
        {
            _ = answering.Services;
            // Some sign up twice, so both nodes may meet the same address at once; each sign-up still sends one email.
            foreach (var chunk in emails.Chunk(8))
            {
                await Task.WhenAll(chunk.Select(e => SignUpAsync(answering, e)));
            }
            await Task.WhenAll(twice.Select(e => SignUpAsync(answering, e)));
        }

        // Two nodes, both past the lease, claim from the same rows at the same moment.
        var clock = new MovableClock(DateTimeOffset.UtcNow + AccountWork.Lease + TimeSpan.FromMinutes(1));
        using var first = new Node(_database, _folder, works: true, clock);
        using var second = new Node(_database, _folder, works: true, clock);
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));
        await first.AccountWorkDoneAsync();

        await using var db = first.OpenDb();
        var perAddress = await db.OutboxMessages.Where(m => m.Recipient.EndsWith("@example.org"))
            .GroupBy(m => m.Recipient).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(People, perAddress.Count);
        Assert.All(emails, e => Assert.Equal(twice.Contains(e) ? 2 : 1, perAddress[e]));
        Assert.Equal(People, await db.Users.CountAsync());
    }

    private static async Task SignUpAsync(Node node, string email)
    {
        using var browser = Browser.For(node);
        var created = await browser.SubmitAsync("/account/create", [new("Email", email), new("Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal("/account/check-email", created.RedirectPath);
    }

    public void Dispose()
    {
        _database.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>One web node over the shared database; with its account worker or without (as if it stopped before running it), on its own clock if given.</summary>
    private sealed class Node(TestDatabase database, string folder, bool works, TimeProvider? clock = null) : AccountsApp(database, folder, ownsDatabase: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s =>
            {
                if (clock is not null)
                {
                    s.AddSingleton(clock);
                }
                if (!works)
                {
                    foreach (var worker in s.Where(d => d.ImplementationType == typeof(AccountWorkService)).ToList())
                    {
                        s.Remove(worker);
                    }
                }
            });
        }
    }
}
