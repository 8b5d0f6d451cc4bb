using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Services;

/// <summary>Issue #6 item 6: the service page says whether its wait is measured from Waymark referrals or is the provider's own estimate.</summary>
public sealed class MeasuredWaitLabelTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task The_providers_estimate_is_labelled_until_five_offers_give_a_measured_median()
    {
        var (org, service) = await app.AddReferrableServiceAsync("Measured Org");
        var referrer = await app.AddUserAsync(Roles.Person);
        await using (var db = app.OpenDb())
        {
            db.ServiceAttributes.Add(new ServiceAttribute { Id = Guid.NewGuid(), ServiceId = service.Id, TaxonomyTermId = Vocabulary.TermId("expect:typical-wait-days"), Value = "60" });
            await db.SaveChangesAsync();
        }
        using var browser = Browser.For(app);

        var estimated = await browser.GetAsync($"/services/{service.Id}");
        Assert.Equal("About 9 weeks — the service’s own estimate", estimated.Text("#fact-wait dd"));
        Assert.StartsWith("This is the provider’s own estimate.", estimated.Text("#fact-wait-source dd"), StringComparison.Ordinal);

        var now = DateTimeOffset.UtcNow;
        await using (var db = app.OpenDb())
        {
            foreach (var days in new[] { 5, 9, 13, 20, 40 })
            {
                var sent = now.AddDays(-50);
                var r = Referral.Create(service.Id, org.Id, null, new ReferralActor(referrer.UserId, "navigator", ReferralParty.Referrer), ContactPreference.None, null, new FixedClock(sent));
                var staff = new ReferralActor(null, "staff", ReferralParty.Organisation);
                r.MoveTo(ReferralStatus.Opened, staff, null, new FixedClock(sent.AddHours(1)));
                r.MoveTo(ReferralStatus.Accepted, staff, null, new FixedClock(sent.AddHours(2)));
                r.MoveTo(ReferralStatus.Offered, staff, null, new FixedClock(sent.AddDays(days)));
                db.Referrals.Add(r);
            }
            await db.SaveChangesAsync();
            await app.Services.GetRequiredService<MeasuredReferralWaits>().RefreshAsync(db, TimeProvider.System);
        }

        var measured = await browser.GetAsync($"/services/{service.Id}");
        Assert.EndsWith("— from people referred through Waymark recently", measured.Text("#fact-wait dd"), StringComparison.Ordinal);
        Assert.Equal("Median 13 days from referral to offer over the last 180 days, from Waymark referrals.", measured.Text("#fact-wait-source dd"));
    }
}
