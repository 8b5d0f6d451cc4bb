using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Referrals;

/// <summary>"No wrong door": a declined or closed referral offers an onward one, which carries the story only with fresh consent.</summary>
public sealed class OnwardReferralTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task A_declined_person_is_offered_somewhere_else_and_chooses_whether_their_story_goes()
    {
        var here = ReferralFlowBuilders.SomewhereNew();
        var (orgId, serviceId) = await app.AddServiceAtAsync("First Try Counselling", here, "access:self-referral", "support:counselling");
        var (_, otherId) = await app.AddServiceAtAsync("Second Door Counselling", (here.Lat + 0.01, here.Lon), "access:self-referral", "support:counselling");
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        var id = await person.SelfReferAsync(app, serviceId, "What I wrote the first time");

        // Not ended yet: no onward offer.
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync($"/my/referrals/{id}/onward/{otherId}")).Status);

        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, orgId);
        await staff.Browser.GetAsync($"/provider/referrals/{id}");
        await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "Declined"), new("ReasonForDeclined", "NoCapacity"), new("Reason", "Our list is closed")]);

        var mine = await person.GetAsync("/my/referrals");
        var link = mine.Document.QuerySelector($"#referral-{id} .onward-suggestions a[href='/my/referrals/{id}/onward/{otherId}']");
        Assert.NotNull(link);

        var offer = await person.GetAsync($"/my/referrals/{id}/onward/{otherId}");
        Assert.Contains("Second Door Counselling Trust", offer.Text("#who-will-see"), StringComparison.Ordinal);
        Assert.Contains("What I wrote the first time", offer.Text("#earlier-story"), StringComparison.Ordinal);

        // Without ticking, the story stays behind.
        var sent = await person.SubmitAsync($"/my/referrals/{id}/onward/{otherId}", [new("Contact", "None")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        await using (var db = app.OpenDb())
        {
            var onward = await db.Referrals.SingleAsync(r => r.ServiceId == otherId);
            Assert.Null(onward.ProtectedStory);
            var consent = await db.ReferralConsents.SingleAsync(c => c.ReferralId == onward.Id);
            Assert.Equal(id, consent.OnwardFromReferralId);
            Assert.Equal(ConsentMethod.InWaymark, consent.Method);
            Assert.False(consent.SharesStory);
            Assert.Equal("Second Door Counselling Trust", consent.SharedWith);
        }

        // While that one is open, another to the same service is not sent.
        var twice = await person.SubmitAsync($"/my/referrals/{id}/onward/{otherId}", [new("Contact", "Email"), new("CarryStory", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, twice.Status);
        Guid first;
        await using (var db = app.OpenDb())
        {
            first = (await db.Referrals.SingleAsync(r => r.ServiceId == otherId)).Id;
        }
        var list = await person.GetAsync("/my/referrals");
        var withdraw = list.Document.QuerySelector($"#referral-{first} form")!.GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.Redirect, (await person.PostAsync(withdraw, list.AntiforgeryToken(withdraw), [])).Status);

        // Withdrawn, it can go again: ticking carries the story, and the new organisation can read it.
        await person.SubmitAsync($"/my/referrals/{id}/onward/{otherId}", [new("Contact", "Email"), new("CarryStory", "true")]);
        await using (var db = app.OpenDb())
        {
            var carried = await db.Referrals.Where(r => r.ServiceId == otherId).OrderByDescending(r => r.CreatedAt).FirstAsync();
            Assert.NotNull(carried.ProtectedStory);
            Assert.DoesNotContain("first time", carried.ProtectedStory, StringComparison.Ordinal);
        }
        mine = await person.GetAsync("/my/referrals");
        // The first referral and the one that carried its story both show it: told once, sent twice.
        Assert.Equal(2, mine.Html.Split("What I wrote the first time").Length - 1);
    }

    [Fact]
    public async Task Someone_elses_referral_offers_nothing()
    {
        var here = ReferralFlowBuilders.SomewhereNew();
        var (orgId, serviceId) = await app.AddServiceAtAsync("Closed Door", here, "access:self-referral");
        var (_, otherId) = await app.AddServiceAtAsync("Open Door", (here.Lat + 0.01, here.Lon), "access:self-referral");
        var (owner, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _o = owner;
        var id = await owner.SelfReferAsync(app, serviceId, "Mine alone");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, orgId);
        await staff.Browser.GetAsync($"/provider/referrals/{id}");
        await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "Closed"), new("ReasonForClosed", "ServiceClosing"), new("Reason", "Service ending")]);

        var (stranger, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _s = stranger;
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/my/referrals/{id}/onward/{otherId}")).Status);
        var token = (await stranger.GetAsync($"/services/{otherId}/refer")).AntiforgeryToken();
        var post = await stranger.PostAsync($"/my/referrals/{id}/onward/{otherId}", token, [new("Contact", "None"), new("CarryStory", "true")]);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        await using var db = app.OpenDb();
        Assert.False(await db.Referrals.AnyAsync(r => r.ServiceId == otherId));
    }

    [Fact]
    public async Task A_navigator_refers_onward_and_the_earlier_story_goes_only_with_fresh_consent()
    {
        var here = ReferralFlowBuilders.SomewhereNew();
        var (orgId, serviceId) = await app.AddServiceAtAsync("Full Up Service", here, "access:professional-referral", "support:talking-therapy");
        var (_, otherId) = await app.AddServiceAtAsync("Room Available Service", (here.Lat + 0.01, here.Lon), "access:professional-referral", "support:talking-therapy");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var id = await navigator.Browser.NavigatorRefersAsync(serviceId,
            ReferralFlowBuilders.NavigatorReferralFields("Morgan", "morgan@example.org", "Morgan's story, told once"));
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, orgId);
        await staff.Browser.GetAsync($"/provider/referrals/{id}");
        await staff.Browser.SubmitAsync($"/provider/referrals/{id}", [new("To", "Declined"), new("ReasonForDeclined", "NoCapacity"), new("Reason", "No capacity")]);

        var detail = await navigator.Browser.GetAsync($"/navigator/referrals/{id}");
        Assert.NotNull(detail.Document.QuerySelector($".onward-suggestions a[href='/navigator/refer/{otherId}?onwardFrom={id}']"));
        var form = await navigator.Browser.GetAsync($"/navigator/refer/{otherId}?onwardFrom={id}");
        Assert.Equal("Morgan", form.Document.QuerySelector("#PersonName")?.GetAttribute("value"));
        Assert.NotNull(form.Document.QuerySelector("#CarryStory"));

        var noConsent = await navigator.Browser.SubmitAsync($"/navigator/refer/{otherId}?onwardFrom={id}",
            ReferralFlowBuilders.NavigatorReferralFields("Morgan", "morgan@example.org", "", ("CarryStory", "true"), ("onwardFrom", id.ToString())));
        Assert.Equal(HttpStatusCode.BadRequest, noConsent.Status);

        var onwardId = await navigator.Browser.NavigatorRefersAsync(otherId,
            ReferralFlowBuilders.NavigatorReferralFields("Morgan", "morgan@example.org", "", ("CarryStory", "true"), ("SharesStory", "true"), ("onwardFrom", id.ToString())),
            $"?onwardFrom={id}");
        var onward = await navigator.Browser.GetAsync($"/navigator/referrals/{onwardId}");
        Assert.Contains("Morgan's story, told once", onward.Text("#referral-story"), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(id, (await db.ReferralConsents.SingleAsync(c => c.ReferralId == onwardId)).OnwardFromReferralId);
    }
}
