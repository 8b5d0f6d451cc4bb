using Waymark.Core.Accounts;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Core.Referrals;

/// <summary>Typical waits from real referrals: median days Sent → Offered over 180 days, only from 5 referrals up.</summary>
public sealed class MeasuredReferralWaitsTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(new double[] { 3 }, 3)]
    [InlineData(new double[] { 10, 2, 7 }, 7)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 3)] // 2.5 rounds away from zero
    [InlineData(new double[] { 0.2, 0.4, 40, 0.3, 0.1 }, 0)]
    public void The_median_is_of_the_days_rounded(double[] days, int expected) =>
        Assert.Equal(expected, MeasuredReferralWaits.MedianDays(days));

    [Fact]
    public async Task Five_recent_offers_give_a_figure_four_do_not_and_old_offers_do_not_count()
    {
        var (org, five, _) = await app.AddOrganisationAsync("Five");
        var (_, four, _) = await app.AddOrganisationAsync("Four");
        var staff = await app.AddUserAsync(Roles.ProviderStaff, org.Id);
        await using (var db = app.OpenDb())
        {
            foreach (var days in new[] { 10, 20, 30, 40, 50 })
            {
                db.Referrals.Add(Offered(five.Id, org.Id, staff.UserId, Now.AddDays(-60), days));
            }
            // Offered more than 180 days ago: too old to count, and would drag the median down if it did.
            db.Referrals.Add(Offered(five.Id, org.Id, staff.UserId, Now.AddDays(-400), 1));
            db.Referrals.Add(Offered(five.Id, org.Id, staff.UserId, Now.AddDays(-400), 1));
            foreach (var days in new[] { 5, 6, 7, 8 })
            {
                db.Referrals.Add(Offered(four.Id, org.Id, staff.UserId, Now.AddDays(-30), days));
            }
            await db.SaveChangesAsync();
        }
        var waits = new MeasuredReferralWaits();

        await using (var db = app.OpenDb())
        {
            await waits.RefreshAsync(db, new FixedClock(Now));
        }

        Assert.Equal(30, waits.TypicalWaitDays(five.Id));
        Assert.Null(waits.TypicalWaitDays(four.Id));
        Assert.Null(waits.TypicalWaitDays(Guid.NewGuid()));
    }

    private static Referral Offered(Guid serviceId, Guid orgId, Guid userId, DateTimeOffset sent, int days)
    {
        var person = new ReferralActor(userId, "someone", ReferralParty.Person);
        var staff = new ReferralActor(userId, "staff", ReferralParty.Organisation);
        var referral = Referral.Create(serviceId, orgId, null, person, ContactPreference.None, null, new FixedClock(sent));
        referral.MoveTo(ReferralStatus.Opened, staff, null, new FixedClock(sent.AddHours(1)));
        referral.MoveTo(ReferralStatus.Accepted, staff, null, new FixedClock(sent.AddHours(2)));
        referral.MoveTo(ReferralStatus.Offered, staff, null, new FixedClock(sent.AddDays(days)));
        return referral;
    }
}
