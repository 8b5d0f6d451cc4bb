using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Network;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Provider.Offers;

/// <summary>Organisations post offers, others find and ask for them, the offerer answers; all through the pages.</summary>
public sealed class SharedOfferTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static string Day(int fromToday) => DateTime.UtcNow.AddDays(fromToday).ToString("d/M/yyyy", CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> OfferFields(string title, params (string Key, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "Room",
            ["Title"] = title,
            ["Description"] = "A quiet meeting room for up to 12 people, with tea and coffee.",
            ["AvailableFrom"] = Day(1),
            ["AvailableTo"] = Day(60),
            ["ExpiresOn"] = Day(30),
            ["Area"] = "Kingston upon Hull",
            ["Conditions"] = "For peer support groups.",
            ["Contact"] = "Sam at rooms@example.org",
        };
        foreach (var (key, value) in overrides)
        {
            fields[key] = value;
        }
        return [.. fields];
    }

    /// <summary>Answers a request through the form the offerer sees beside it.</summary>
    private static async Task<Page> AnswerAsync(Browser offerer, Guid offerId, Guid requestId, List<KeyValuePair<string, string>> fields)
    {
        var page = await offerer.GetAsync($"/provider/offers/{offerId}");
        var action = page.Document.QuerySelector($"[data-request-id='{requestId}'] form")?.GetAttribute("action");
        Assert.NotNull(action);
        return await offerer.PostAsync(action, page.AntiforgeryToken(action), fields);
    }

    private static async Task<Guid> PostOfferAsync(Browser browser, List<KeyValuePair<string, string>> fields)
    {
        var posted = await browser.SubmitAsync("/provider/offers/new", fields);
        Assert.True(posted.Status == HttpStatusCode.Redirect, string.Join("; ", posted.ErrorSummary()));
        return Guid.Parse(posted.RedirectPath["/provider/offers/".Length..]);
    }

    [Fact]
    public async Task An_offer_is_found_by_area_and_kind_asked_for_and_accepted_or_declined_with_both_sides_told()
    {
        var (offerer, _, _) = await app.AddOrganisationAsync("Humber Rooms Trust");
        var (asker, _, _) = await app.AddOrganisationAsync("Hull Peer Circle");
        var (other, _, _) = await app.AddOrganisationAsync("Leeds Walking Group");
        using var staffA = await app.SignInAsStaffAsync(Roles.ProviderStaff, offerer.Id);
        using var staffB = await app.SignInAsStaffAsync(Roles.ProviderStaff, asker.Id);
        using var staffC = await app.SignInAsStaffAsync(Roles.ProviderStaff, other.Id);
        var title = $"Thursday room {Guid.NewGuid():N}";
        var id = await PostOfferAsync(staffA.Browser, OfferFields(title));

        // Found by area (Hull) and kind; not by another area or kind; never in the offerer's own search.
        Assert.NotNull((await staffB.Browser.GetAsync("/provider/offers?Area=Hull&Kind=Room")).Document.QuerySelector($"#found-offers tr[data-offer-id='{id}']"));
        Assert.NotNull((await staffB.Browser.GetAsync("/provider/offers")).Document.QuerySelector($"#found-offers tr[data-offer-id='{id}']"));
        Assert.Null((await staffB.Browser.GetAsync("/provider/offers?Area=Leeds")).Document.QuerySelector($"tr[data-offer-id='{id}']"));
        Assert.Null((await staffB.Browser.GetAsync("/provider/offers?Area=Hull&Kind=Equipment")).Document.QuerySelector($"tr[data-offer-id='{id}']"));
        var own = await staffA.Browser.GetAsync("/provider/offers");
        Assert.Null(own.Document.QuerySelector($"#found-offers tr[data-offer-id='{id}']"));
        Assert.NotNull(own.Document.QuerySelector($"#our-offers tr[data-offer-id='{id}']"));

        // B asks; the offerer is told.
        var asked = await staffB.Browser.SubmitAsync($"/provider/offers/{id}", [new("Message", "Could our Thursday group use it from January?")],
            formAction: $"/provider/offers/{id}?handler=Request");
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var again = await staffB.Browser.SubmitAsync($"/provider/offers/{id}", [new("Message", "Asking twice")], formAction: $"/provider/offers/{id}?handler=Request");
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.NotEmpty(again.ErrorSummary());
        // C asks too.
        var askedC = await staffC.Browser.SubmitAsync($"/provider/offers/{id}", [new("Message", "We would like it on Fridays")], formAction: $"/provider/offers/{id}?handler=Request");
        Assert.Equal(HttpStatusCode.Redirect, askedC.Status);
        Guid requestB, requestC;
        await using (var db = app.OpenDb())
        {
            requestB = await db.OfferRequests.Where(r => r.OfferId == id && r.OrganisationId == asker.Id).Select(r => r.Id).SingleAsync();
            requestC = await db.OfferRequests.Where(r => r.OfferId == id && r.OrganisationId == other.Id).Select(r => r.Id).SingleAsync();
            var toOfferer = await db.OutboxMessages.Where(m => m.Recipient == staffA.Account.Email).ToListAsync();
            Assert.Equal(2, toOfferer.Count);
            Assert.All(toOfferer, m => Assert.Contains($"/provider/offers/{id}", m.Body, StringComparison.Ordinal));
        }
        // B sees its own request, not C's.
        var asB = await staffB.Browser.GetAsync($"/provider/offers/{id}");
        Assert.NotNull(asB.Document.QuerySelector($"[data-request-id='{requestB}']"));
        Assert.Null(asB.Document.QuerySelector($"[data-request-id='{requestC}']"));
        Assert.DoesNotContain("Fridays", asB.Html, StringComparison.Ordinal);

        // Declining needs a reason.
        var noReason = await AnswerAsync(staffA.Browser, id, requestC, [new("Decision", "decline"), new("Reason", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Equal(["Give a reason for declining: the organisation that asked will see it"], noReason.ErrorSummary());
        var declined = await AnswerAsync(staffA.Browser, id, requestC, [new("Decision", "decline"), new("Reason", "Fridays are taken")]);
        Assert.Equal(HttpStatusCode.Redirect, declined.Status);
        var accepted = await AnswerAsync(staffA.Browser, id, requestB, [new("Decision", "accept")]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);

        await using (var db = app.OpenDb())
        {
            var b = await db.OfferRequests.SingleAsync(r => r.Id == requestB);
            Assert.Equal((OfferRequestStatus.Accepted, staffA.Account.UserId), (b.Status, b.DecidedByUserId));
            Assert.NotNull(b.DecidedAt);
            var c = await db.OfferRequests.SingleAsync(r => r.Id == requestC);
            Assert.Equal((OfferRequestStatus.Declined, "Fridays are taken"), (c.Status, c.Reason));
            var toB = await db.OutboxMessages.SingleAsync(m => m.Recipient == staffB.Account.Email);
            Assert.Contains("accepted", toB.Body, StringComparison.Ordinal);
            Assert.Contains("rooms@example.org", toB.Body, StringComparison.Ordinal);
            var toC = await db.OutboxMessages.SingleAsync(m => m.Recipient == staffC.Account.Email);
            Assert.Contains("Fridays are taken", toC.Body, StringComparison.Ordinal);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == NetworkAudit.RequestDecided && a.SubjectId == requestB.ToString()));
        }
        Assert.Contains("accepted", (await staffB.Browser.GetAsync($"/provider/offers/{id}")).Text($"[data-request-id='{requestB}'] .request-status"), StringComparison.Ordinal);
        // Withdrawing afterwards leaves decided requests as they were.
        var withdrew = await staffA.Browser.SubmitAsync($"/provider/offers/{id}", [], formAction: $"/provider/offers/{id}?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrew.Status);
        await using (var db = app.OpenDb())
        {
            Assert.Equal(OfferRequestStatus.Accepted, (await db.OfferRequests.SingleAsync(r => r.Id == requestB)).Status);
            Assert.Equal(OfferStatus.Withdrawn, (await db.SharedOffers.SingleAsync(o => o.Id == id)).Status);
        }
    }

    [Fact]
    public async Task Expired_and_withdrawn_offers_leave_the_list_and_take_no_requests_and_withdrawing_closes_waiting_requests()
    {
        var (offerer, _, _) = await app.AddOrganisationAsync("Wold Training Collective");
        var (asker, _, _) = await app.AddOrganisationAsync("Beverley Listening Post");
        using var staffA = await app.SignInAsStaffAsync(Roles.ProviderStaff, offerer.Id);
        using var staffB = await app.SignInAsStaffAsync(Roles.ProviderStaff, asker.Id);
        var expiring = await PostOfferAsync(staffA.Browser, OfferFields($"Expiring {Guid.NewGuid():N}", ("Kind", "TrainingPlaces"), ("Area", "")));
        var withdrawn = await PostOfferAsync(staffA.Browser, OfferFields($"Withdrawn {Guid.NewGuid():N}", ("Kind", "Supervision")));
        var page = await staffB.Browser.GetAsync($"/provider/offers/{withdrawn}");
        var asked = await staffB.Browser.SubmitAsync($"/provider/offers/{withdrawn}", [new("Message", "We need supervision for two peer supporters")],
            formAction: $"/provider/offers/{withdrawn}?handler=Request");
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var token = page.AntiforgeryToken($"/provider/offers/{withdrawn}?handler=Request");

        // The closing date passes.
        await using (var db = app.OpenDb())
        {
            var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2));
            await db.SharedOffers.Where(o => o.Id == expiring).ExecuteUpdateAsync(s => s.SetProperty(o => o.ExpiresOn, yesterday));
        }
        Assert.Null((await staffB.Browser.GetAsync("/provider/offers")).Document.QuerySelector($"tr[data-offer-id='{expiring}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.Browser.GetAsync($"/provider/offers/{expiring}")).Status);
        var late = await staffB.Browser.PostAsync($"/provider/offers/{expiring}?handler=Request", token, [new("Message", "Too late?")]);
        Assert.Equal(HttpStatusCode.NotFound, late.Status);
        Assert.Contains("Closed", (await staffA.Browser.GetAsync("/provider/offers")).Text($"#our-offers tr[data-offer-id='{expiring}']"), StringComparison.Ordinal);

        // Withdrawn: the waiting request closes and its asker is told, in the same change.
        var withdraw = await staffA.Browser.SubmitAsync($"/provider/offers/{withdrawn}", [], formAction: $"/provider/offers/{withdrawn}?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdraw.Status);
        Assert.Null((await staffB.Browser.GetAsync("/provider/offers")).Document.QuerySelector($"tr[data-offer-id='{withdrawn}']"));
        var asB = await staffB.Browser.GetAsync($"/provider/offers/{withdrawn}");
        Assert.Equal(HttpStatusCode.OK, asB.Status); // they asked, so they still see how it ended
        Assert.Contains("withdrawn", asB.Text(".request-status"), StringComparison.Ordinal);
        var again = await staffB.Browser.PostAsync($"/provider/offers/{withdrawn}?handler=Request", token, [new("Message", "Please?")]);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.OfferRequests.AnyAsync(r => r.OfferId == expiring));
            Assert.Equal(OfferRequestStatus.Closed, (await db.OfferRequests.SingleAsync(r => r.OfferId == withdrawn)).Status);
            Assert.Single(await db.OfferRequests.Where(r => r.OfferId == withdrawn).ToListAsync());
            Assert.Contains("withdrew", (await db.OutboxMessages.SingleAsync(m => m.Recipient == staffB.Account.Email)).Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_bad_offer_is_a_400_with_an_error_summary_and_nothing_saved()
    {
        var (offerer, _, _) = await app.AddOrganisationAsync("Goole Equipment Share");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, offerer.Id);
        var cases = new (string Key, string Value)[][]
        {
            [("Kind", "Boat")],
            [("Title", "")],
            [("Description", new string('a', 2001))],
            [("AvailableFrom", "soon")],
            [("AvailableTo", Day(-5))],
            [("ExpiresOn", Day(-1))],
            [("ExpiresOn", Day(90))],
            [("Area", "Atlantis")],
            [("Contact", " ")],
        };
        foreach (var overrides in cases)
        {
            var page = await staff.Browser.SubmitAsync("/provider/offers/new", OfferFields("Bad offer", overrides));
            Assert.True(page.Status == HttpStatusCode.BadRequest, overrides[0].Key);
            Assert.NotEmpty(page.ErrorSummary());
        }
        var search = await staff.Browser.GetAsync("/provider/offers?Area=Atlantis&Kind=Boat");
        Assert.Equal(HttpStatusCode.BadRequest, search.Status);
        Assert.Equal(2, search.ErrorSummary().Count);
        await using var db = app.OpenDb();
        Assert.False(await db.SharedOffers.AnyAsync(o => o.OrganisationId == offerer.Id));
    }

    [Fact]
    public async Task A_third_organisation_gets_404_and_changes_nothing_and_people_and_navigators_are_forbidden()
    {
        var (offerer, _, _) = await app.AddOrganisationAsync("Selby Supervision Network");
        var (asker, _, _) = await app.AddOrganisationAsync("Selby Young Adults");
        var (third, _, _) = await app.AddOrganisationAsync("Selby Third Party");
        using var staffA = await app.SignInAsStaffAsync(Roles.ProviderStaff, offerer.Id);
        using var staffB = await app.SignInAsStaffAsync(Roles.ProviderStaff, asker.Id);
        using var staffC = await app.SignInAsStaffAsync(Roles.ProviderAdmin, third.Id);
        var id = await PostOfferAsync(staffA.Browser, OfferFields($"Group supervision {Guid.NewGuid():N}", ("Kind", "Supervision")));
        await staffB.Browser.SubmitAsync($"/provider/offers/{id}", [new("Message", "Please")], formAction: $"/provider/offers/{id}?handler=Request");
        Guid requestId;
        await using (var db = app.OpenDb())
        {
            requestId = await db.OfferRequests.Where(r => r.OfferId == id).Select(r => r.Id).SingleAsync();
        }
        var token = (await staffC.Browser.GetAsync("/provider")).AntiforgeryToken();

        // C can see the open offer and its own requests, but not B's request, and cannot answer or withdraw it.
        var seen = await staffC.Browser.GetAsync($"/provider/offers/{id}");
        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.Null(seen.Document.QuerySelector($"[data-request-id='{requestId}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await staffC.Browser.PostAsync($"/provider/offers/{id}?handler=Decide&requestId={requestId}", token, [new("Decision", "decline"), new("Reason", "No")])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await staffC.Browser.PostAsync($"/provider/offers/{id}?handler=Withdraw", token, [])).Status);
        // Asking as an organisation C is not a member of (B's) is not found either.
        Assert.Equal(HttpStatusCode.NotFound, (await staffC.Browser.PostAsync($"/provider/offers/{id}?handler=Request", token, [new("OrganisationId", asker.Id.ToString()), new("Message", "As B")])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await staffC.Browser.GetAsync($"/provider/offers/{Guid.NewGuid()}")).Status);
        // B cannot answer its own request or withdraw A's offer.
        var tokenB = (await staffB.Browser.GetAsync("/provider")).AntiforgeryToken();
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.Browser.PostAsync($"/provider/offers/{id}?handler=Decide&requestId={requestId}", tokenB, [new("Decision", "accept")])).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.Browser.PostAsync($"/provider/offers/{id}?handler=Withdraw", tokenB, [])).Status);

        await using (var db = app.OpenDb())
        {
            Assert.Equal(OfferRequestStatus.Pending, (await db.OfferRequests.SingleAsync(r => r.Id == requestId)).Status);
            Assert.Equal(OfferStatus.Open, (await db.SharedOffers.SingleAsync(o => o.Id == id)).Status);
            Assert.Single(await db.OfferRequests.Where(r => r.OfferId == id).ToListAsync());
        }

        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        foreach (var browser in new[] { navigator.Browser, person })
        {
            foreach (var url in new[] { "/provider/offers", "/provider/offers/new", $"/provider/offers/{id}" })
            {
                var page = await browser.GetAsync(url);
                Assert.True(page.RedirectPath.StartsWith("/account/access-denied", StringComparison.Ordinal), $"{url}: {(int)page.Status}");
            }
        }
    }
}
