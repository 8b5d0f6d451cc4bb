using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;
using Waymark.Core.Matching;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Provider.Referrals;

/// <summary>
/// Staff of an organisation refer someone on to another organisation's service from a referral they received,
/// through the navigator's referral flow; the receiving organisation sees who referred and replies.
/// </summary>
public sealed class OnwardBetweenOrganisationsTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const string Story = "Alex has been cutting again since losing the flat";

    /// <summary>A navigator's referral (with a story) to organisation A; A's staff, B's service.</summary>
    private async Task<(Guid ReferralId, Guid OrgA, Guid OrgB, Guid ServiceB, StaffSession StaffA, string PersonEmail)> ArrangeAsync(string prefix)
    {
        var (orgA, serviceA) = await app.AddReferrableServiceAsync($"{prefix} Listening", access: "access:professional-referral");
        var (orgB, serviceB) = await app.AddReferrableServiceAsync($"{prefix} Housing Support", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var email = $"alex-{Guid.NewGuid():N}@example.org";
        var id = await navigator.Browser.NavigatorRefersAsync(serviceA.Id, ReferralFlowBuilders.NavigatorReferralFields("Alex Marsh", email, Story));
        var staffA = await app.SignInAsStaffAsync(Roles.ProviderStaff, orgA.Id);
        return (id, orgA.Id, orgB.Id, serviceB.Id, staffA, email);
    }

    [Fact]
    public async Task Staff_refer_someone_on_with_consent_and_the_receiving_organisation_sees_who_referred_and_replies()
    {
        var (from, orgA, orgB, serviceB, staffA, email) = await ArrangeAsync("Ouse");
        using var _ = staffA;

        var received = await staffA.Browser.GetAsync($"/provider/referrals/{from}");
        Assert.Equal($"/provider/referrals/{from}/onward", received.Document.QuerySelector("#refer-on")?.GetAttribute("href"));
        var search = await staffA.Browser.GetAsync($"/provider/referrals/{from}/onward?q=ouse%20housing");
        Assert.Equal(HttpStatusCode.OK, search.Status);
        Assert.Contains($"/provider/referrals/{from}/onward/{serviceB}",
            search.Document.QuerySelectorAll("#onward-services a").Select(a => a.GetAttribute("href")));
        // The form starts from what the person shared with organisation A.
        var form = await staffA.Browser.GetAsync($"/provider/referrals/{from}/onward/{serviceB}");
        Assert.Equal("Alex Marsh", form.Document.QuerySelector("#PersonName")?.GetAttribute("value"));
        Assert.NotNull(form.Document.QuerySelector("#CarryStory"));

        var sent = await staffA.Browser.SubmitAsync($"/provider/referrals/{from}/onward/{serviceB}",
            ReferralFlowBuilders.NavigatorReferralFields("Alex Marsh", email, "Needs somewhere safe to live", ("CarryStory", "true")));
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.StartsWith("/provider/referrals/sent/", sent.RedirectPath, StringComparison.Ordinal);
        var id = Guid.Parse(sent.RedirectPath["/provider/referrals/sent/".Length..]);

        await using (var db = app.OpenDb())
        {
            var referral = await db.Referrals.Include(r => r.Events).SingleAsync(r => r.Id == id);
            Assert.Equal(orgB, referral.OrganisationId);
            Assert.Equal(ReferralParty.Referrer, referral.Events.Single().ByParty);
            Assert.DoesNotContain(staffA.Account.Email, referral.Events.Single().ByName, StringComparison.OrdinalIgnoreCase);
            var source = await db.ReferringOrganisations.SingleAsync(x => x.ReferralId == id);
            Assert.Equal((orgA, from, MembershipRoles.Staff), (source.OrganisationId, source.FromReferralId, source.StaffRole));
            var consent = await db.ReferralConsents.SingleAsync(c => c.ReferralId == id);
            Assert.Equal((true, from, staffA.Account.UserId), (consent.SharesStory, consent.OnwardFromReferralId, consent.RecordedByUserId));
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == ReferralAudit.Created && a.SubjectId == id.ToString() && a.ActorId == staffA.Account.UserId));
        }

        // Organisation B sees who referred (the organisation and the role, not the person's email) and the carried story.
        using var staffB = await app.SignInAsStaffAsync(Roles.ProviderStaff, orgB);
        var atB = await staffB.Browser.GetAsync($"/provider/referrals/{id}");
        Assert.Equal(HttpStatusCode.OK, atB.Status);
        Assert.Contains("Ouse Listening", atB.Text("#referred-by"), StringComparison.Ordinal);
        Assert.Contains("a member of staff", atB.Text("#referred-by"), StringComparison.Ordinal);
        Assert.DoesNotContain(staffA.Account.Email, atB.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Story, atB.Text("#referral-story"), StringComparison.Ordinal);
        Assert.Contains("Needs somewhere safe to live", atB.Text("#referral-story"), StringComparison.Ordinal);
        Assert.Contains("Alex Marsh", atB.Text("#referred-person"), StringComparison.Ordinal);

        // B replies; the reply is in the history both sides see, and A's staff member is told through the outbox.
        var replied = await staffB.Browser.SubmitAsync($"/provider/referrals/{id}", [new("Message", "We can see Alex on Tuesday at 10")],
            formAction: $"/provider/referrals/{id}?handler=Reply");
        Assert.Equal(HttpStatusCode.Redirect, replied.Status);
        var mine = await staffA.Browser.GetAsync($"/provider/referrals/sent/{id}");
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Equal("Opened", mine.Text("#referral-status"));
        Assert.Contains("We can see Alex on Tuesday at 10", mine.Text(".referral-replies"), StringComparison.Ordinal);
        Assert.Contains("Ouse Housing Support", mine.Text(".referral-replies"), StringComparison.Ordinal);
        Assert.Contains("We can see Alex on Tuesday at 10", (await staffB.Browser.GetAsync($"/provider/referrals/{id}")).Text(".referral-replies"), StringComparison.Ordinal);
        var list = await staffA.Browser.GetAsync("/provider/referrals/sent");
        Assert.Contains("Alex Marsh", list.Text($"tr[data-referral-id='{id}']"), StringComparison.Ordinal);

        var messages = await app.MessagesAboutAsync(id);
        var toReferrer = messages.Where(m => m.Recipient == staffA.Account.Email).ToList();
        Assert.Equal(3, toReferrer.Count); // sent, opened, the reply
        Assert.All(toReferrer, m => Assert.Contains($"/provider/referrals/sent/{id}", m.Body, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.DoesNotContain("Tuesday", m.Subject + m.Body, StringComparison.Ordinal));
        Assert.Equal(2, messages.Count(m => m.Recipient == email)); // the person: sent, opened
        await using (var db = app.OpenDb())
        {
            var reply = await db.ReferralMessages.SingleAsync(m => m.ReferralId == id);
            Assert.DoesNotContain("Tuesday", reply.ProtectedText, StringComparison.Ordinal); // encrypted at rest
        }

        // Each side's page counts the partnership.
        using var adminA = await app.SignInAsStaffAsync(Roles.ProviderAdmin, orgA);
        var network = await adminA.Browser.GetAsync($"/provider/network/{orgA}");
        Assert.Contains("Ouse Housing Support", network.Text($"#refers-to-table tr[data-service-id='{serviceB}']"), StringComparison.Ordinal);
        Assert.EndsWith("1", network.Text($"#refers-to-table tr[data-service-id='{serviceB}']"), StringComparison.Ordinal);
        var networkB = await staffB.Browser.GetAsync($"/provider/network/{orgB}");
        Assert.Contains("Ouse Listening", networkB.Text("#receives-from-table"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_are_offered_other_organisations_services_nearby_and_find_one_by_words_of_its_name_in_any_order()
    {
        var (from, orgA, _, serviceB, staffA, _) = await ArrangeAsync("Tamar");
        using var _ = staffA;
        Guid serviceA, ownOther;
        await using (var db = app.OpenDb())
        {
            serviceA = await db.Referrals.Where(r => r.Id == from).Select(r => r.ServiceId).SingleAsync();
            // Penzance, far from every other test's services, so only these are near the referral's service.
            var places = await db.ServiceAtLocations.Where(x => x.ServiceId == serviceA || x.ServiceId == serviceB).Select(x => x.LocationId).ToListAsync();
            foreach (var location in await db.Locations.Where(l => places.Contains(l.Id)).ToListAsync())
            {
                (location.Latitude, location.Longitude) = (50.1186, -5.5372);
            }
            // Another of organisation A's own services, just as near and alike: not somewhere to refer on to.
            var own = new Service
            {
                Id = Guid.NewGuid(), OrganizationId = orgA, Name = "Tamar second group", Description = "Another group.", Status = "active",
                Attributes = [new ServiceAttribute { Id = Guid.NewGuid(), TaxonomyTermId = Vocabulary.TermId("format:group") }],
            };
            own.ServiceAtLocations = [new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = own.Id, LocationId = places[0] }];
            db.Services.Add(own);
            await db.SaveChangesAsync();
            ownOther = own.Id;
        }
        await app.Services.GetRequiredService<DirectoryIndex>().RefreshAsync();

        var page = await staffA.Browser.GetAsync($"/provider/referrals/{from}/onward");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var nearby = page.Document.QuerySelectorAll("#nearby-services a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/provider/referrals/{from}/onward/{serviceB}", nearby);
        Assert.DoesNotContain($"/provider/referrals/{from}/onward/{serviceA}", nearby);
        Assert.DoesNotContain($"/provider/referrals/{from}/onward/{ownOther}", nearby);
        Assert.Equal(HttpStatusCode.OK, (await staffA.Browser.GetAsync($"/provider/referrals/{from}/onward/{serviceB}")).Status);

        // Words of the service's and its organisation's names, in any order and case.
        var found = await staffA.Browser.GetAsync($"/provider/referrals/{from}/onward?q=SUPPORT%20housing%20tamar");
        Assert.Equal([$"/provider/referrals/{from}/onward/{serviceB}"], found.Document.QuerySelectorAll("#onward-services a").Select(a => a.GetAttribute("href")).ToList());
        var none = await staffA.Browser.GetAsync($"/provider/referrals/{from}/onward?q=tamar%20housing%20zebra");
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Empty(none.Document.QuerySelectorAll("#onward-services a"));
    }

    [Fact]
    public async Task Without_consent_or_to_their_own_organisation_nothing_is_sent()
    {
        var (from, orgA, _, serviceB, staffA, email) = await ArrangeAsync("Nidd");
        using var _ = staffA;
        var cases = new (string Key, string Value)[][]
        {
            [("SharesContactDetails", "false")],
            [("ConsentMethod", "")],
            [("ConsentGivenOn", "31/12/2099")],
            [("SharesStory", "false"), ("Story", "Something they did not agree to share")],
            [("SharesStory", "false"), ("CarryStory", "true")],
        };
        foreach (var overrides in cases)
        {
            var page = await staffA.Browser.SubmitAsync($"/provider/referrals/{from}/onward/{serviceB}",
                ReferralFlowBuilders.NavigatorReferralFields("Alex", email, "", overrides));
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.NotEmpty(page.ErrorSummary());
        }
        // Another of organisation A's own services is not "another organisation".
        await using var db = app.OpenDb();
        var ownService = await db.Services.Where(s => s.OrganizationId == orgA).Select(s => s.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await staffA.Browser.GetAsync($"/provider/referrals/{from}/onward/{ownService}")).Status);
        var search = await staffA.Browser.GetAsync($"/provider/referrals/{from}/onward?q={new string('x', 101)}");
        Assert.Equal(HttpStatusCode.BadRequest, search.Status);
        Assert.NotEmpty(search.ErrorSummary());
        Assert.False(await db.Referrals.AnyAsync(r => r.ServiceId == serviceB));
        Assert.False(await db.ReferringOrganisations.AnyAsync(x => x.FromReferralId == from));
    }

    [Fact]
    public async Task A_replys_bad_input_is_a_400_and_a_self_referral_has_nobody_to_reply_to()
    {
        var (from, orgA, _, _, staffA, _) = await ArrangeAsync("Swale");
        using var _ = staffA;
        var empty = await staffA.Browser.SubmitAsync($"/provider/referrals/{from}", [new("Message", " ")], formAction: $"/provider/referrals/{from}?handler=Reply");
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(["Write your message to whoever referred them"], empty.ErrorSummary());
        var tooLong = await staffA.Browser.SubmitAsync($"/provider/referrals/{from}", [new("Message", new string('a', 2001))], formAction: $"/provider/referrals/{from}?handler=Reply");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);

        await using var db = app.OpenDb();
        var service = await db.Services.Where(s => s.OrganizationId == orgA).Select(s => s.Id).FirstAsync();
        await db.ServiceAttributes.AddAsync(new Waymark.Core.Directory.ServiceAttribute { Id = Guid.NewGuid(), ServiceId = service, TaxonomyTermId = Waymark.Core.Directory.Vocabulary.TermId("access:self-referral") });
        await db.SaveChangesAsync();
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        var self = await person.SelfReferAsync(app, service, "My own words");
        var page = await staffA.Browser.GetAsync($"/provider/referrals/{self}");
        Assert.Null(page.Document.QuerySelector("#Message"));
        var post = await staffA.Browser.PostAsync($"/provider/referrals/{self}?handler=Reply", page.AntiforgeryToken(), [new("Message", "Hello")]);
        Assert.Equal(HttpStatusCode.BadRequest, post.Status);
        Assert.False(await db.ReferralMessages.AnyAsync(m => m.ReferralId == from || m.ReferralId == self));
    }

    [Fact]
    public async Task A_third_organisation_gets_404_and_changes_nothing_and_people_and_navigators_are_forbidden()
    {
        var (from, _, orgB, serviceB, staffA, email) = await ArrangeAsync("Wharfe");
        using var _ = staffA;
        var sent = await staffA.Browser.SubmitAsync($"/provider/referrals/{from}/onward/{serviceB}", ReferralFlowBuilders.NavigatorReferralFields("Alex", email));
        var id = Guid.Parse(sent.RedirectPath["/provider/referrals/sent/".Length..]);
        var (third, thirdService) = await app.AddReferrableServiceAsync("Wharfe Third Party", access: "access:professional-referral");
        using var staffC = await app.SignInAsStaffAsync(Roles.ProviderAdmin, third.Id);
        var token = (await staffC.Browser.GetAsync("/provider")).AntiforgeryToken();

        foreach (var url in new[] { $"/provider/referrals/{from}/onward", $"/provider/referrals/{from}/onward?q=wharfe", $"/provider/referrals/{from}/onward/{thirdService.Id}",
                     $"/provider/referrals/{from}/onward/{serviceB}", $"/provider/referrals/sent/{id}", $"/provider/referrals/{id}", $"/provider/network/{orgB}" })
        {
            Assert.True((await staffC.Browser.GetAsync(url)).Status == HttpStatusCode.NotFound, url);
        }
        var post = await staffC.Browser.PostAsync($"/provider/referrals/{from}/onward/{thirdService.Id}", token,
            ReferralFlowBuilders.NavigatorReferralFields("Alex", email, "", ("CarryStory", "true"), ("SharesStory", "true")));
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        var reply = await staffC.Browser.PostAsync($"/provider/referrals/{id}?handler=Reply", token, [new("Message", "Not ours")]);
        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        var list = await staffC.Browser.GetAsync("/provider/referrals/sent");
        Assert.DoesNotContain("Alex", list.Html, StringComparison.Ordinal);

        await using (var db = app.OpenDb())
        {
            Assert.False(await db.Referrals.AnyAsync(r => r.ServiceId == thirdService.Id));
            Assert.False(await db.ReferralMessages.AnyAsync(m => m.ReferralId == id));
            Assert.Equal(ReferralStatus.Sent, (await db.Referrals.SingleAsync(r => r.Id == id)).Status);
            Assert.False(await db.AuditEvents.AnyAsync(a => a.ActorId == staffC.Account.UserId && a.SubjectId == id.ToString()));
        }

        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        foreach (var browser in new[] { navigator.Browser, person })
        {
            foreach (var url in new[] { $"/provider/referrals/{from}/onward", $"/provider/referrals/{from}/onward/{serviceB}", $"/provider/referrals/sent/{id}", "/provider/referrals/sent" })
            {
                var page = await browser.GetAsync(url);
                Assert.True(page.RedirectPath.StartsWith("/account/access-denied", StringComparison.Ordinal), $"{url}: {(int)page.Status} {page.RedirectPath}");
            }
        }
    }
}
