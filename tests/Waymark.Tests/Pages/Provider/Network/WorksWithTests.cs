using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Network;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Provider.Network;

/// <summary>"Works with" links: proposed by one provider-admin, agreed by the other's, shown publicly only once agreed.</summary>
public sealed class WorksWithTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static string? WorksWithLink(Page page, Guid organisationId) =>
        page.Document.QuerySelector($"#works-with a[href='/organisations/{organisationId}']")?.TextContent.Trim();

    /// <summary>Presses the Agree or End button beside the link on the organisation's page.</summary>
    private static async Task<Page> PressAsync(Browser admin, Guid organisationId, Guid linkId, string handler)
    {
        var page = await admin.GetAsync($"/provider/network/{organisationId}");
        var action = page.Document.QuerySelector($"[data-link-id='{linkId}'] form[action*='handler={handler}']")?.GetAttribute("action");
        Assert.NotNull(action);
        return await admin.PostAsync(action, page.AntiforgeryToken(action), []);
    }

    [Fact]
    public async Task A_link_proposed_and_agreed_shows_on_both_sides_public_pages_until_either_ends_it()
    {
        var (a, serviceA, _) = await app.AddOrganisationAsync($"Hull Mind {Guid.NewGuid():N}"[..20]);
        var (b, serviceB, _) = await app.AddOrganisationAsync($"Hull Peer Group {Guid.NewGuid():N}"[..24]);
        using var adminA = await app.SignInAsStaffAsync(Roles.ProviderAdmin, a.Id);
        using var adminB = await app.SignInAsStaffAsync(Roles.ProviderAdmin, b.Id);
        using var staffB = await app.SignInAsStaffAsync(Roles.ProviderStaff, b.Id);
        using var visitor = Browser.For(app);

        var proposed = await adminA.Browser.SubmitAsync($"/provider/network/{a.Id}", [new("PartnerName", b.Name.ToUpperInvariant())],
            formAction: $"/provider/network/{a.Id}?handler=Propose");
        Assert.Equal(HttpStatusCode.Redirect, proposed.Status);
        Guid linkId;
        await using (var db = app.OpenDb())
        {
            var link = await db.OrganisationLinks.SingleAsync(l => l.ProposerId == a.Id);
            Assert.Equal((b.Id, LinkStatus.Proposed, adminA.Account.UserId), (link.PartnerId, link.Status, link.ProposedByUserId));
            linkId = link.Id;
        }
        // Pending: the two organisations see it; the public does not.
        Assert.Equal("Proposed", (await adminA.Browser.GetAsync($"/provider/network/{a.Id}")).Document.QuerySelector($"[data-link-id='{linkId}']")?.GetAttribute("data-status"));
        Assert.NotNull((await staffB.Browser.GetAsync($"/provider/network/{b.Id}")).Document.QuerySelector($"[data-link-id='{linkId}']"));
        Assert.Null(WorksWithLink(await visitor.GetAsync($"/services/{serviceA.Id}"), b.Id));
        Assert.Null(WorksWithLink(await visitor.GetAsync($"/organisations/{b.Id}"), a.Id));

        // The proposer cannot agree for the partner; the partner's staff (not admin) cannot either.
        var tokenA = (await adminA.Browser.GetAsync("/provider")).AntiforgeryToken();
        Assert.Equal(HttpStatusCode.NotFound, (await adminA.Browser.PostAsync($"/provider/network/{a.Id}?handler=Agree&linkId={linkId}", tokenA, [])).Status);
        var asStaff = await staffB.Browser.PostAsync($"/provider/network/{b.Id}?handler=Agree&linkId={linkId}", (await staffB.Browser.GetAsync("/provider")).AntiforgeryToken(), []);
        Assert.StartsWith("/account/access-denied", asStaff.RedirectPath, StringComparison.Ordinal);
        Assert.Equal(LinkStatus.Proposed, await StatusAsync(linkId));

        var agreed = await PressAsync(adminB.Browser, b.Id, linkId, "Agree");
        Assert.Equal(HttpStatusCode.Redirect, agreed.Status);
        Assert.Equal(LinkStatus.Agreed, await StatusAsync(linkId));

        // Shown on both sides' public pages, one click from each to the other.
        Assert.Equal(b.Name, WorksWithLink(await visitor.GetAsync($"/services/{serviceA.Id}"), b.Id));
        Assert.Equal(a.Name, WorksWithLink(await visitor.GetAsync($"/services/{serviceB.Id}"), a.Id));
        Assert.Equal(a.Name, WorksWithLink(await visitor.GetAsync($"/organisations/{b.Id}"), a.Id));
        Assert.Contains("who can refer you", (await visitor.GetAsync($"/organisations/{a.Id}")).Text("#works-with"), StringComparison.Ordinal);

        // A second proposal between the same two is refused with a 400.
        var duplicate = await adminB.Browser.SubmitAsync($"/provider/network/{b.Id}", [new("PartnerName", a.Name)], formAction: $"/provider/network/{b.Id}?handler=Propose");
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.Status);
        Assert.NotEmpty(duplicate.ErrorSummary());

        // Either side can end it; then it is gone from public pages.
        var ended = await PressAsync(adminB.Browser, b.Id, linkId, "End");
        Assert.Equal(HttpStatusCode.Redirect, ended.Status);
        Assert.Equal(LinkStatus.Ended, await StatusAsync(linkId));
        Assert.Null(WorksWithLink(await visitor.GetAsync($"/services/{serviceA.Id}"), b.Id));
        await using (var db = app.OpenDb())
        {
            Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.SubjectId == linkId.ToString()));
        }
    }

    [Fact]
    public async Task An_admin_who_types_some_words_of_a_name_chooses_from_the_matches_and_nothing_is_proposed_until_they_do()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (a, _, _) = await app.AddOrganisationAsync($"Whitby Wellbeing {tag}");
        var (b, _, _) = await app.AddOrganisationAsync($"Mind in Whitby {tag}");
        var (c, _, _) = await app.AddOrganisationAsync($"Whitby Mind Carers {tag}");
        using var adminA = await app.SignInAsStaffAsync(Roles.ProviderAdmin, a.Id);
        var handler = $"/provider/network/{a.Id}?handler=Propose";

        // Words in another order and case: both organisations with every word are offered, by name; the proposer's own is not.
        var choose = await adminA.Browser.SubmitAsync($"/provider/network/{a.Id}", [new("PartnerName", $"{tag.ToUpperInvariant()} whitby MIND")], formAction: handler);
        Assert.Equal(HttpStatusCode.OK, choose.Status);
        Assert.Empty(choose.ErrorSummary());
        Assert.Equal([b.Id.ToString(), c.Id.ToString()],
            choose.Document.QuerySelectorAll("#candidate-list li").Select(li => li.GetAttribute("data-organisation-id")).ToList());
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.OrganisationLinks.AnyAsync(l => l.ProposerId == a.Id));
        }

        // Choosing one proposes the link to that one only.
        var chosen = await adminA.Browser.PostAsync(handler, choose.AntiforgeryToken(handler), [new("PartnerId", c.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, chosen.Status);
        await using (var db = app.OpenDb())
        {
            Assert.Equal([c.Id], await db.OrganisationLinks.Where(l => l.ProposerId == a.Id).Select(l => l.PartnerId).ToListAsync());
        }

        // Its own organisation, or one that does not exist, is refused and changes nothing.
        foreach (var partner in new[] { a.Id, Guid.NewGuid() })
        {
            var refused = await adminA.Browser.PostAsync(handler, choose.AntiforgeryToken(handler), [new("PartnerId", partner.ToString())]);
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.NotEmpty(refused.ErrorSummary());
        }
        await using (var db = app.OpenDb())
        {
            Assert.Equal(1, await db.OrganisationLinks.CountAsync(l => l.ProposerId == a.Id || l.PartnerId == a.Id));
        }
    }

    [Fact]
    public async Task Bad_proposals_are_a_400_and_change_nothing()
    {
        var (a, _, _) = await app.AddOrganisationAsync($"Scarborough Hub {Guid.NewGuid():N}"[..24]);
        using var adminA = await app.SignInAsStaffAsync(Roles.ProviderAdmin, a.Id);
        foreach (var name in new[] { "", "No Such Organisation Anywhere", a.Name, "the & of", new string('x', 201) })
        {
            var page = await adminA.Browser.SubmitAsync($"/provider/network/{a.Id}", [new("PartnerName", name)], formAction: $"/provider/network/{a.Id}?handler=Propose");
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.NotEmpty(page.ErrorSummary());
        }
        await using var db = app.OpenDb();
        Assert.False(await db.OrganisationLinks.AnyAsync(l => l.ProposerId == a.Id || l.PartnerId == a.Id));
    }

    [Fact]
    public async Task A_third_organisation_gets_404_and_changes_nothing_and_people_and_navigators_are_forbidden()
    {
        var (a, _, _) = await app.AddOrganisationAsync($"Whitby Haven {Guid.NewGuid():N}"[..20]);
        var (b, _, _) = await app.AddOrganisationAsync($"Whitby Circle {Guid.NewGuid():N}"[..20]);
        var (c, _, _) = await app.AddOrganisationAsync($"Whitby Third {Guid.NewGuid():N}"[..20]);
        using var adminA = await app.SignInAsStaffAsync(Roles.ProviderAdmin, a.Id);
        using var adminC = await app.SignInAsStaffAsync(Roles.ProviderAdmin, c.Id);
        await adminA.Browser.SubmitAsync($"/provider/network/{a.Id}", [new("PartnerName", b.Name)], formAction: $"/provider/network/{a.Id}?handler=Propose");
        Guid linkId;
        await using (var db = app.OpenDb())
        {
            linkId = await db.OrganisationLinks.Where(l => l.ProposerId == a.Id).Select(l => l.Id).SingleAsync();
        }
        var mine = await adminC.Browser.GetAsync($"/provider/network/{c.Id}");
        Assert.Null(mine.Document.QuerySelector($"[data-link-id='{linkId}']"));
        Assert.DoesNotContain(a.Name, mine.Html, StringComparison.Ordinal);
        var token = (await adminC.Browser.GetAsync("/provider")).AntiforgeryToken();
        Assert.Equal(HttpStatusCode.NotFound, (await adminC.Browser.GetAsync($"/provider/network/{b.Id}")).Status);
        foreach (var url in new[] { $"/provider/network/{b.Id}?handler=Agree&linkId={linkId}", $"/provider/network/{a.Id}?handler=End&linkId={linkId}",
                     $"/provider/network/{c.Id}?handler=Agree&linkId={linkId}", $"/provider/network/{c.Id}?handler=End&linkId={linkId}" })
        {
            Assert.True((await adminC.Browser.PostAsync(url, token, [])).Status == HttpStatusCode.NotFound, url);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await adminC.Browser.PostAsync($"/provider/network/{a.Id}?handler=Propose", token, [new("PartnerName", c.Name)])).Status);
        Assert.Equal(LinkStatus.Proposed, await StatusAsync(linkId));
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.OrganisationLinks.AnyAsync(l => l.ProposerId == c.Id || l.PartnerId == c.Id));
        }

        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        foreach (var browser in new[] { navigator.Browser, person })
        {
            var page = await browser.GetAsync($"/provider/network/{a.Id}");
            Assert.StartsWith("/account/access-denied", page.RedirectPath, StringComparison.Ordinal);
        }
    }

    private async Task<LinkStatus> StatusAsync(Guid linkId)
    {
        await using var db = app.OpenDb();
        return await db.OrganisationLinks.Where(l => l.Id == linkId).Select(l => l.Status).SingleAsync();
    }
}
