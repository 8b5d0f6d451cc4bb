using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Notifications;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Referrals;

/// <summary>Nothing goes stale unseen: overdue referrals are flagged once; people waiting get a check-in every 28 days.</summary>
public sealed class FollowUpTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task An_unanswered_referral_is_flagged_to_the_organisation_and_told_to_the_referrer_once()
    {
        var (orgId, serviceId) = await app.AddServiceAtAsync("Slow Answers Service", ReferralFlowBuilders.SomewhereNew(), "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var id = await navigator.Browser.NavigatorRefersAsync(serviceId, ReferralFlowBuilders.NavigatorReferralFields("Robin", $"robin-{Guid.NewGuid():N}@example.org"));
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, orgId);

        await app.RunFollowUpsAsync();
        Assert.Null((await staff.Browser.GetAsync("/provider/referrals")).Document.QuerySelector($"tr[data-referral-id='{id}'] .overdue"));
        Assert.DoesNotContain(await app.MessagesAboutAsync(id), m => m.Subject == ReferralNotifier.OverdueSubject);

        // Three weeks on, whatever the bank holidays, five working days have passed.
        await app.BackdateAsync(id, 21);
        var inbox = await staff.Browser.GetAsync("/provider/referrals");
        Assert.NotNull(inbox.Document.QuerySelector($"tr[data-referral-id='{id}'] .overdue"));
        Assert.NotNull((await navigator.Browser.GetAsync("/navigator/referrals")).Document.QuerySelector($"tr[data-referral-id='{id}'] .overdue"));

        // Two nodes run the job at once, then it runs again after a restart: one notice in all.
        await Task.WhenAll(app.RunFollowUpsAsync(), app.RunFollowUpsAsync());
        await app.RunFollowUpsAsync();
        var notice = Assert.Single(await app.MessagesAboutAsync(id), m => m.Subject == ReferralNotifier.OverdueSubject);
        Assert.Equal(navigator.Account.Email, notice.Recipient);
        Assert.Contains($"/navigator/referrals/{id}", notice.Body, StringComparison.Ordinal);
        await using (var db = app.OpenDb())
        {
            Assert.Single(await db.ReferralReminders.Where(r => r.ReferralId == id).ToListAsync());
        }

        // Once the service answers, it is no longer overdue.
        await staff.Browser.GetAsync($"/provider/referrals/{id}");
        await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "Accepted"), new("Reason", "")]);
        Assert.Null((await staff.Browser.GetAsync("/provider/referrals")).Document.QuerySelector($"tr[data-referral-id='{id}'] .overdue"));
    }

    [Fact]
    public async Task A_service_that_states_a_longer_response_time_is_not_flagged_early()
    {
        var (_, serviceId) = await app.AddServiceAtAsync("Patient Service", ReferralFlowBuilders.SomewhereNew(), "access:professional-referral", "expect:response-working-days=30");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var id = await navigator.Browser.NavigatorRefersAsync(serviceId, ReferralFlowBuilders.NavigatorReferralFields("Kim", "kim@example.org"));
        await app.BackdateAsync(id, 21);

        Assert.Equal(0, (await app.RunFollowUpsAsync()).Overdue);
        Assert.Null((await navigator.Browser.GetAsync("/navigator/referrals")).Document.QuerySelector($"tr[data-referral-id='{id}'] .overdue"));
    }

    [Fact]
    public async Task People_on_a_waiting_list_get_a_check_in_every_28_days_with_things_to_do_meanwhile()
    {
        var here = ReferralFlowBuilders.SomewhereNew();
        var (orgId, serviceId) = await app.AddServiceAtAsync("Long Wait Counselling", here, "access:self-referral", "support:counselling", "format:one-to-one", "expect:typical-wait-days=90");
        var (_, dropInId) = await app.AddServiceAtAsync("Thursday Drop-in Cafe", (here.Lat + 0.01, here.Lon), "access:no-referral", "format:drop-in");
        var (person, account) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        var id = await person.SelfReferAsync(app, serviceId, "Private words");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, orgId);
        await staff.Browser.GetAsync($"/provider/referrals/{id}");
        await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "Accepted"), new("Reason", "")]);
        await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "OnWaitingList"), new("Reason", "")]);

        // The person's page offers something meanwhile from the start.
        var mine = await person.GetAsync("/my/referrals");
        Assert.NotNull(mine.Document.QuerySelector($"#referral-{id} .while-you-wait a[href='/services/{dropInId}']"));

        await app.RunFollowUpsAsync();
        Assert.DoesNotContain(await app.MessagesAboutAsync(id), m => m.Subject == ReferralNotifier.CheckInSubject);

        await app.BackdateAsync(id, 29);
        await Task.WhenAll(app.RunFollowUpsAsync(), app.RunFollowUpsAsync());
        await app.RunFollowUpsAsync();
        var checkIn = Assert.Single(await app.MessagesAboutAsync(id), m => m.Subject == ReferralNotifier.CheckInSubject);
        Assert.Equal(account.Email, checkIn.Recipient);
        Assert.Contains("Thursday Drop-in Cafe", checkIn.Body, StringComparison.Ordinal);
        Assert.Contains($"/services/{dropInId}", checkIn.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Long Wait Counselling", checkIn.Subject + checkIn.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Private words", checkIn.Body, StringComparison.Ordinal);

        // The next period brings the next check-in, once.
        await app.BackdateAsync(id, 28);
        await app.RunFollowUpsAsync();
        await app.RunFollowUpsAsync();
        Assert.Equal(2, (await app.MessagesAboutAsync(id)).Count(m => m.Subject == ReferralNotifier.CheckInSubject));
    }

    [Fact]
    public async Task A_text_message_check_in_says_nothing_sensitive_and_links_to_Waymark()
    {
        var here = ReferralFlowBuilders.SomewhereNew();
        var (orgId, serviceId) = await app.AddServiceAtAsync("Self-harm Support Group", here, "access:self-referral");
        var (person, account) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        await using (var db = app.OpenDb())
        {
            var user = await db.Users.SingleAsync(u => u.Id == account.UserId);
            user.PhoneNumber = "07700900456";
            await db.SaveChangesAsync();
        }
        var id = await person.SelfReferAsync(app, serviceId, "", contact: "Sms");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, orgId);
        await staff.Browser.GetAsync($"/provider/referrals/{id}");
        await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "Declined"), new("ReasonForDeclined", "NotEligible"), new("Reason", "We only see people in Leeds")]);

        var texts = await app.MessagesAboutAsync(id);
        Assert.Equal(3, texts.Count);
        Assert.All(texts, m =>
        {
            Assert.Equal(Channels.Sms, m.Channel);
            Assert.Equal("07700900456", m.Recipient);
            Assert.DoesNotContain("self-harm", m.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Leeds", m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("declined", m.Body, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("/my/referrals", m.Body, StringComparison.Ordinal);
        });
    }
}
