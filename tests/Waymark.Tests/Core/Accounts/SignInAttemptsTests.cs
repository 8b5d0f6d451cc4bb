using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Core.Accounts;

/// <summary>How locks end, grow and are swept away, at chosen times (the pages' tests show the rest through HTTP).</summary>
public sealed class SignInAttemptsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private const string Email = "someone@example.org";
    private readonly TestDatabase _database = new();

    public async Task InitializeAsync()
    {
        await using var db = _database.Open();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_network_lock_ends_after_15_minutes_and_quiet_tries_are_forgotten()
    {
        var home = IPAddress.Parse("192.0.2.1");
        for (var i = 0; i < SignInAttempts.PerClient.Attempts; i++)
        {
            Assert.True((await FailAsync(Start, home)).Allowed);
        }
        Assert.False((await TakeAsync(Start.AddMinutes(14), home)).Allowed);

        var later = await TakeAsync(Start.AddMinutes(15), home);
        Assert.True(later.Allowed);
        Assert.Equal(1, later.FromClient.Failures);

        // Four wrong tries, then 15 quiet minutes: the count starts again.
        var other = IPAddress.Parse("192.0.2.2");
        for (var i = 0; i < 4; i++)
        {
            await FailAsync(Start, other);
        }
        Assert.Equal(1, (await TakeAsync(Start.AddMinutes(16), other)).FromClient.Failures);
    }

    [Fact]
    public async Task The_account_lock_doubles_each_time_the_guessing_comes_back()
    {
        var at = Start;
        foreach (var expected in new[] { 15, 30, 60 })
        {
            for (var i = 0; i < SignInAttempts.PerAccount.Attempts; i++)
            {
                await FailAsync(at, IPAddress.Parse($"203.0.113.{i + 1}"));
            }
            var counter = await CounterAsync(SignInAttempts.EveryClient);
            Assert.Equal(at.AddMinutes(expected), counter.LockedUntil);
            Assert.False((await TakeAsync(at.AddMinutes(expected - 1), IPAddress.Parse("198.51.100.1"))).Allowed);
            at = counter.LockedUntil!.Value;
        }
    }

    [Fact]
    public async Task An_IPv6_network_is_counted_as_one_by_its_64_bit_prefix()
    {
        for (var i = 0; i < SignInAttempts.PerClient.Attempts; i++)
        {
            await FailAsync(Start, IPAddress.Parse($"2001:db8:5:6::{i + 1:x}"));
        }
        Assert.False((await TakeAsync(Start, IPAddress.Parse("2001:db8:5:6:ffff::1"))).Allowed);
        Assert.True((await TakeAsync(Start, IPAddress.Parse("2001:db8:5:7::1"))).Allowed);
    }

    [Fact]
    public async Task The_sweep_removes_quiet_counters_and_keeps_the_owners_networks()
    {
        var home = IPAddress.Parse("192.0.2.1");
        await AtAsync(Start, async a =>
        {
            await a.SignedInAsync(await a.TakeAsync(Email, home));
            return 0;
        });
        await FailAsync(Start, IPAddress.Parse("203.0.113.9"));

        Assert.Equal(0, await AtAsync(Start.AddHours(23), a => a.SweepAsync()));
        Assert.Equal(2, await AtAsync(Start.AddHours(25), a => a.SweepAsync()));

        await using var db = _database.Open();
        var left = await db.SignInCounters.SingleAsync();
        Assert.Equal(SignInAttempts.ClientKey(home), left.ClientKey);
        Assert.Equal(Start + SignInAttempts.KnownFor, left.KnownUntil);
    }

    private async Task<T> AtAsync<T>(DateTimeOffset at, Func<SignInAttempts, Task<T>> work)
    {
        await using var db = _database.Open();
        return await work(new SignInAttempts(db, new FixedClock(at)));
    }

    private Task<SignInTicket> TakeAsync(DateTimeOffset at, IPAddress client) => AtAsync(at, a => a.TakeAsync(Email, client));

    private Task<SignInTicket> FailAsync(DateTimeOffset at, IPAddress client) => AtAsync(at, async a =>
    {
        var ticket = await a.TakeAsync(Email, client);
        await a.FailedAsync(ticket);
        return ticket;
    });

    private async Task<SignInCounter> CounterAsync(string client)
    {
        await using var db = _database.Open();
        var account = SignInAttempts.AccountKey(Email);
        return await db.SignInCounters.SingleAsync(c => c.AccountKey == account && c.ClientKey == client);
    }
}
