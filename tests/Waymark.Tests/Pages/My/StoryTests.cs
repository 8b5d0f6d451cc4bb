using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.People;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.My;

/// <summary>"Tell my story once": written once, encrypted, and sent with a referral only with the person's tick, which is recorded.</summary>
public sealed class StoryTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static KeyValuePair<string, string>[] Story(string happening = "I have been cutting again since my job ended") =>
    [
        new("Input.Happening", happening),
        new("Input.WouldLike", "Someone to talk to one to one, in the evening"),
        new("Input.HasHelped", "Walking the dog"),
        new("Input.HasNotHelped", ""),
        new("Input.AccessNeeds", "Step-free access"),
        new("Input.Preferences", "Texts rather than calls"),
    ];

    [Fact]
    public async Task A_story_is_written_once_encrypted_at_rest_edited_and_its_views_audited()
    {
        using var person = await app.SignUpAsync();

        var saved = await person.Browser.SubmitAsync("/my/story", Story());
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var page = await person.Browser.GetAsync("/my/story");
        Assert.Equal("I have been cutting again since my job ended", page.Document.QuerySelector("#Input_Happening")!.TextContent);
        Assert.Equal("", page.Document.QuerySelector("#Input_HasNotHelped")!.TextContent);

        await person.Browser.SubmitAsync("/my/story", Story("Things are a bit calmer now"));
        page = await person.Browser.GetAsync("/my/story");
        Assert.Equal("Things are a bit calmer now", page.Document.QuerySelector("#Input_Happening")!.TextContent);

        await using var db = app.OpenDb();
        var stored = await db.PersonProfiles.Where(p => p.UserId == person.UserId).Select(p => p.ProtectedStory).SingleAsync();
        // Whole phrases, with their spaces: the protected text is base64, which can hold a short word like "Dog" by chance
        // (it did, once) but never a space.
        Assert.DoesNotContain("a bit calmer now", stored!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Walking the dog", stored!, StringComparison.OrdinalIgnoreCase);
        // Four views: each of the two saves fetched the form first, then two reads.
        Assert.Equal(4, await db.AuditEvents.CountAsync(a => a.ActorId == person.UserId && a.Action == PersonAudit.StoryViewed));

        var tooLong = await person.Browser.SubmitAsync("/my/story", [new("Input.AccessNeeds", new string('x', StorySummary.MaxSectionLength + 1))]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal(["#Input_AccessNeeds"], tooLong.ErrorSummaryLinks());
    }

    [Fact]
    public async Task Without_the_tick_the_story_is_not_sent_and_no_consent_is_recorded()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Calder Peer Support");
        using var person = await app.SignUpAsync();
        await person.Browser.SubmitAsync("/my/story", Story());

        var id = await person.Browser.SelfReferAsync(app, service.Id, "Just the referral please");

        using var staffOrg = await app.SignInAsStaffAsync(Roles.ProviderStaff, (await app.ReferralAsync(id)).OrganisationId);
        var seen = await staffOrg.Browser.GetAsync($"/provider/referrals/{id}");
        Assert.Equal("Just the referral please", seen.Text("#referral-story"));
        Assert.DoesNotContain("cutting", seen.Html, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.False(await db.StoryConsents.AnyAsync(c => c.ReferralId == id));
    }

    [Fact]
    public async Task Before_sending_the_person_sees_who_will_read_it_and_with_the_tick_it_is_sent_and_the_consent_recorded()
    {
        var (org, service) = await app.AddReferrableServiceAsync("Calder Peer Support");
        using var person = await app.SignUpAsync();
        await person.Browser.SubmitAsync("/my/story", Story());

        var form = await person.Browser.GetAsync($"/services/{service.Id}/refer");
        Assert.Equal("Calder Peer Support: the people who handle referrals to Tuesday evening peer group", form.Text("#story-recipients li"));
        Assert.Equal(
            ["I have been cutting again since my job ended", "Someone to talk to one to one, in the evening", "Walking the dog", "Step-free access", "Texts rather than calls"],
            form.Document.QuerySelectorAll("#story-to-share .story-answer").Select(p => p.TextContent).ToList());
        Assert.Null(form.Document.QuerySelector("#ShareStory[checked]"));

        var before = DateTimeOffset.UtcNow;
        var sent = await person.Browser.SendSelfReferralAsync(service.Id, [.. ReferralBuilders.SelfReferralFields("", "Email"), new("ShareStory", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);

        await using var db = app.OpenDb();
        var referral = await db.Referrals.SingleAsync(r => r.ServiceId == service.Id && r.PersonUserId == person.UserId);
        var consent = await db.StoryConsents.SingleAsync(c => c.ReferralId == referral.Id);
        Assert.Equal(person.UserId, consent.UserId);
        Assert.Equal(org.Id, consent.OrganisationId);
        Assert.Equal(service.Id, consent.ServiceId);
        Assert.Equal("Calder Peer Support (Tuesday evening peer group)", consent.SharedWith);
        Assert.Equal("happening,would-like,has-helped,access-needs,preferences", consent.Sections);
        Assert.InRange(consent.ConsentedAt, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.DoesNotContain("Walking the dog", consent.ProtectedShared!, StringComparison.OrdinalIgnoreCase);

        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var seen = await staff.Browser.GetAsync($"/provider/referrals/{referral.Id}");
        Assert.Contains("What has helped:\nWalking the dog", seen.Text("#referral-story"), StringComparison.Ordinal);
    }
}
