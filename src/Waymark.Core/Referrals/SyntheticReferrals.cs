using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;

namespace Waymark.Core.Referrals;

/// <summary>
/// Plausible, fictional referrals to the services already in a database, for scale tests of the commissioning
/// figures (issue 16 item 9): made over the last 200 days, each moved through the states a real one goes through
/// (offered and started, declined or removed for a reason from the list, opened, or never answered), by the
/// domain's own rules, and written with <see cref="BulkWriter"/> a chunk at a time. No story, no note, no person:
/// every one is made by one synthetic referrer account. The same seed and services give the same referrals.
/// </summary>
public sealed class SyntheticReferrals(int seed)
{
    public const string ReferrerEmail = "synthetic-referrer@example.invalid";
    public int ChunkSize { get; init; } = 20_000;

    public async Task<int> WriteAsync(WaymarkDbContext db, int count, TimeProvider time, Action<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var services = await db.Services.AsNoTracking().Where(s => s.OrganizationId != null)
            .OrderBy(s => s.Id).Select(s => new { s.Id, Org = s.OrganizationId!.Value }).ToListAsync(ct);
        if (services.Count == 0)
        {
            throw new InvalidOperationException("there are no services to refer to: import some first (waymark generate --services N, then waymark import oruk)");
        }
        var referrerId = await db.Users.Where(u => u.Email == ReferrerEmail).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct)
            ?? (await new AccountAdministration(db, time).AddUserAsync(ReferrerEmail, Roles.Navigator, null, Actor.CommandLine, ct)).UserId;
        var referrer = new ReferralActor(referrerId, "Synthetic referrer", ReferralParty.Referrer);
        var staff = new ReferralActor(referrerId, "Synthetic staff", ReferralParty.Organisation);
        var random = new Random(seed);
        var now = time.GetUtcNow();
        var declines = ReferralReasons.For(ReferralStatus.Declined);
        var removals = ReferralReasons.For(ReferralStatus.RemovedFromWaitingList);
        var written = 0;
        while (written < count)
        {
            var n = Math.Min(ChunkSize, count - written);
            var referrals = new List<Referral>(n);
            for (var i = 0; i < n; i++)
            {
                var s = services[random.Next(services.Count)];
                var sent = now.AddDays(-random.NextDouble() * 200);
                var r = Referral.Create(s.Id, s.Org, null, referrer, ContactPreference.None, null, new At(sent));
                void Move(ReferralStatus to, double afterDays, ReferralReason? code = null) => r.MoveTo(to, staff, code, null, new At(sent.AddDays(afterDays)));
                var roll = random.NextDouble();
                if (roll < 0.8)
                {
                    Move(ReferralStatus.Opened, 0.1 + random.NextDouble());
                }
                if (roll < 0.35)
                {
                    Move(ReferralStatus.Accepted, 1.5 + (random.NextDouble() * 5));
                    Move(ReferralStatus.OnWaitingList, 7);
                    var offer = 7.5 + (random.NextDouble() * 50);
                    Move(ReferralStatus.Offered, offer);
                    if (random.NextDouble() < 0.7)
                    {
                        Move(ReferralStatus.Started, offer + 1 + (random.NextDouble() * 14));
                    }
                }
                else if (roll < 0.55)
                {
                    Move(ReferralStatus.Declined, 1.5 + (random.NextDouble() * 10), declines[random.Next(declines.Count)]);
                }
                else if (roll < 0.65)
                {
                    Move(ReferralStatus.Accepted, 1.5 + (random.NextDouble() * 5));
                    Move(ReferralStatus.OnWaitingList, 7);
                    Move(ReferralStatus.RemovedFromWaitingList, 8 + (random.NextDouble() * 60), removals[random.Next(removals.Count)]);
                }
                referrals.Add(r);
            }
            // Referrals then their events, in one transaction per chunk, never through the change tracker.
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                using var bulk = new BulkWriter(db);
                await bulk.InsertAsync(referrals, ct);
                await bulk.InsertAsync([.. referrals.SelectMany(r => r.Events)], ct);
                await tx.CommitAsync(ct);
            }
            written += n;
            progress?.Invoke(written);
        }
        return written;
    }

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
