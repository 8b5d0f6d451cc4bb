using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Waymark.Core.Data;

namespace Waymark.Core.Accounts;

/// <summary>
/// The one owner of how many guesses anyone may make at an account's password or authenticator code
/// (docs/adr/0011-lock-the-network-not-the-account.md). Every attempt is counted twice, in the database and each
/// in a single statement, so parallel attempts each count exactly once: for this account from this client's network
/// (<see cref="PerClient"/>), and for this account from everywhere (<see cref="PerAccount"/>). Too many from one
/// network locks that network out of the account; too many from everywhere locks out every network except those
/// the owner has signed in from (or reset the password from). Counted by a hash of the normalised email address,
/// account or not, so an address with no account is counted, locked and timed the same way.
/// </summary>
public sealed class SignInAttempts(WaymarkDbContext db, TimeProvider time)
{
    /// <summary>The <see cref="SignInCounter.ClientKey"/> of the counter for every network.</summary>
    public const string EveryClient = "*";

    /// <summary>5 wrong tries from one network lock it out of the account for 15 minutes (what the sign-in page tells people).</summary>
    public static readonly SignInLimit PerClient = new(5, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));

    /// <summary>
    /// 20 wrong tries from anywhere within a day lock every network the owner has not used, for 15 minutes, then
    /// 30, 60, … up to a day while the guessing goes on; the owner's own networks are not locked.
    /// </summary>
    public static readonly SignInLimit PerAccount = new(20, TimeSpan.FromDays(1), TimeSpan.FromMinutes(15), TimeSpan.FromDays(1));

    /// <summary>How long a network the owner signed in from stays theirs.</summary>
    public static readonly TimeSpan KnownFor = TimeSpan.FromDays(30);

    private static readonly TimeSpan QuietDay = TimeSpan.FromDays(1);
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    /// <summary>Counts an attempt before its password or code is checked; the ticket says whether it may be accepted.</summary>
    public async Task<SignInTicket> TakeAsync(string email, IPAddress? client, CancellationToken ct = default)
    {
        var account = AccountKey(email);
        var network = ClientKey(client);
        var now = time.GetUtcNow();
        var counts = await CountAsync(account, network, now, ct);
        return new SignInTicket(account, network, counts[network], counts[EveryClient]);
    }

    /// <summary>
    /// The attempt did not sign in: its count stands, and a counter at its limit is locked (once, by whichever
    /// attempt gets there). The same statements run whatever the counts, so a lock does not show in the time taken.
    /// </summary>
    public async Task FailedAsync(SignInTicket ticket, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = time.GetUtcNow();
        await LockIfDueAsync(ticket.AccountKey, ticket.ClientKey, PerClient.Attempts, now + PerClient.LockFor(ticket.FromClient.Lockouts), ct);
        await LockIfDueAsync(ticket.AccountKey, EveryClient, PerAccount.Attempts, now + PerAccount.LockFor(ticket.FromAnywhere.Lockouts), ct);
    }

    /// <summary>The password was right but there is more to do (an authenticator code, or confirming the address): the attempt is handed back.</summary>
    public async Task PassedStepAsync(SignInTicket ticket, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        foreach (var client in new[] { ticket.ClientKey, EveryClient })
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE sign_in_counter SET failures = failures - 1
                WHERE account_key = {ticket.AccountKey} AND client_key = {client} AND failures > 0
                """, ct);
        }
    }

    /// <summary>
    /// Signed in: this network starts again and becomes the owner's for <see cref="KnownFor"/>, and the run of wrong
    /// tries from everywhere ends. Locks elsewhere stand: someone else may still be guessing.
    /// </summary>
    public async Task SignedInAsync(SignInTicket ticket, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await db.Database.ExecuteSqlAsync($"UPDATE sign_in_counter SET failures = 0 WHERE account_key = {ticket.AccountKey} AND client_key = {EveryClient}", ct);
        await MarkKnownAsync(ticket.AccountKey, ticket.ClientKey, ct);
    }

    /// <summary>
    /// The owner has shown the address is theirs (a reset or set-password link): every count and lock on the account
    /// ends, and the network they did it from becomes theirs, so guessing elsewhere cannot lock them out again.
    /// </summary>
    public async Task OwnerProvedAsync(string email, IPAddress? client, CancellationToken ct = default)
    {
        await ForgetAsync(email, ct);
        await MarkKnownAsync(AccountKey(email), ClientKey(client), ct);
    }

    /// <summary>Removes every count for the address (after a reset, and on erasure).</summary>
    public async Task ForgetAsync(string email, CancellationToken ct = default)
    {
        var account = AccountKey(email);
        // The networks' rows first, then the account's, never both in one statement: an attempt being counted holds
        // its network's row while it waits for the account's (see CountAsync), so taking them the other way could deadlock.
        await db.SignInCounters.Where(c => c.AccountKey == account && c.ClientKey != EveryClient).ExecuteDeleteAsync(ct);
        await db.SignInCounters.Where(c => c.AccountKey == account && c.ClientKey == EveryClient).ExecuteDeleteAsync(ct);
    }

    /// <summary>Removes counters that hold nothing any more: unlocked, unused for a day, and not an owner's network.</summary>
    public Task<int> SweepAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var dayAgo = now - QuietDay;
        return db.SignInCounters
            .Where(c => (c.LockedUntil == null || c.LockedUntil < now) && c.LastAttemptAt < dayAgo && (c.KnownUntil == null || c.KnownUntil < now))
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>The counters' key for an address: a hash of its normalised form, so no address is stored.</summary>
    public static string AccountKey(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return AccountAdministration.Hash("sign-in account:" + AccountAdministration.Normalise(email.Trim()));
    }

    /// <summary>
    /// The counters' key for a client: a hash of its IPv4 address, or of its IPv6 /64 network (one household or
    /// phone is given a whole /64, so keying on the full address would give it 2^64 fresh counters).
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return AccountAdministration.Hash("sign-in client:unknown");
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        var network = address.ToString();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            network = new IPAddress(bytes) + "/64";
        }
        return AccountAdministration.Hash("sign-in client:" + network);
    }

    private async Task<Dictionary<string, SignInCount>> CountAsync(string account, string client, DateTimeOffset now, CancellationToken ct)
    {
        // One statement for both counters, this network's first: each is inserted at 1 or has 1 added, starting again
        // when its lock has run out or its last try is older than its limit's memory, and answers the count this
        // attempt made. On PostgreSQL the network's row stays locked until the account's is counted, so attempts from
        // one network are counted in the same order in both.
        var at = Time(now);
        var forgetClientBefore = Time(now - PerClient.ForgetAfter);
        var forgetAccountBefore = Time(now - PerAccount.ForgetAfter);
        var quietBefore = Time(now - QuietDay);
        var rows = await db.Database.SqlQuery<CountRow>($"""
            INSERT INTO sign_in_counter (account_key, client_key, failures, lockouts, last_attempt_at)
            VALUES ({account}, {client}, 1, 0, {at}), ({account}, {EveryClient}, 1, 0, {at})
            ON CONFLICT (account_key, client_key) DO UPDATE SET
                failures = CASE
                    WHEN sign_in_counter.locked_until <= {at}
                      OR (sign_in_counter.locked_until IS NULL AND sign_in_counter.last_attempt_at <=
                          CASE WHEN sign_in_counter.client_key = {EveryClient} THEN {forgetAccountBefore} ELSE {forgetClientBefore} END) THEN 1
                    ELSE sign_in_counter.failures + 1 END,
                lockouts = CASE WHEN sign_in_counter.last_attempt_at <= {quietBefore} THEN 0 ELSE sign_in_counter.lockouts END,
                locked_until = CASE WHEN sign_in_counter.locked_until <= {at} THEN NULL ELSE sign_in_counter.locked_until END,
                last_attempt_at = {at}
            RETURNING client_key AS "ClientKey", failures AS "Failures", lockouts AS "Lockouts",
                CASE WHEN locked_until IS NULL THEN 0 ELSE 1 END AS "Locked",
                CASE WHEN known_until > {at} THEN 1 ELSE 0 END AS "Known"
            """).ToListAsync(ct);
        return rows.ToDictionary(r => r.ClientKey, r => new SignInCount(r.Failures, r.Lockouts, r.Locked == 1, r.Known == 1));
    }

    // One row per statement, for the reason in ForgetAsync.
    private async Task LockIfDueAsync(string account, string client, int limit, DateTimeOffset until, CancellationToken ct)
    {
        var untilValue = Time(until);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE sign_in_counter SET locked_until = {untilValue}, lockouts = lockouts + 1
            WHERE account_key = {account} AND client_key = {client} AND locked_until IS NULL AND failures >= {limit}
            """, ct);
    }

    private async Task MarkKnownAsync(string account, string client, CancellationToken ct)
    {
        var at = Time(time.GetUtcNow());
        var until = Time(time.GetUtcNow() + KnownFor);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sign_in_counter (account_key, client_key, failures, lockouts, last_attempt_at, known_until)
            VALUES ({account}, {client}, 0, 0, {at}, {until})
            ON CONFLICT (account_key, client_key) DO UPDATE SET
                failures = 0, lockouts = 0, locked_until = NULL, last_attempt_at = {at}, known_until = {until}
            """, ct);
    }

    // SQLite keeps times as the binary form EF gives them (see SqliteWaymarkDbContext); PostgreSQL as timestamptz.
    private object Time(DateTimeOffset value) => db.IsPostgres ? value : SqliteTime.ConvertToProvider(value)!;

    private sealed class CountRow
    {
        public string ClientKey { get; set; } = "";
        public int Failures { get; set; }
        public int Lockouts { get; set; }
        public int Locked { get; set; }
        public int Known { get; set; }
    }
}
