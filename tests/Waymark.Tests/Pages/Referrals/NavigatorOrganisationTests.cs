using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Referrals;

/// <summary>
/// Navigators in workplaces and universities (issue 17): a navigator may belong to an organisation, and the service
/// they refer to sees which one.
/// </summary>
public sealed class NavigatorOrganisationTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task A_university_wellbeing_advisers_referral_names_the_university_to_the_receiving_service()
    {
        var (org, service) = await app.AddReferrableServiceAsync("Kirklees Listening Rooms", access: "access:professional-referral");
        var (university, _, _) = await app.AddOrganisationAsync("Colne Valley Test University " + Guid.NewGuid().ToString("N")[..6]);
        using var adviser = await app.SignInAsStaffAsync(Roles.Navigator, university.Id);

        var form = await adviser.Browser.GetAsync($"/navigator/refer/{service.Id}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal($"They will see that you refer from {university.Name}.", form.Text("#referring-from"));
        var id = await adviser.Browser.NavigatorRefersAsync(service.Id,
            ReferralFlowBuilders.NavigatorReferralFields("Sam Rowe", $"sam-{Guid.NewGuid():N}@example.org"));

        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var received = await staff.Browser.GetAsync($"/provider/referrals/{id}");
        Assert.Equal(HttpStatusCode.OK, received.Status);
        Assert.Equal($"Referred by a navigator at {university.Name}.", received.Text("#referred-from"));
    }

    [Fact]
    public async Task A_navigator_with_no_organisation_is_not_given_one_and_belonging_to_one_does_not_open_its_listings()
    {
        var (org, service) = await app.AddReferrableServiceAsync("Dewsbury Talking Space", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var form = await navigator.Browser.GetAsync($"/navigator/refer/{service.Id}");
        Assert.Null(form.Document.GetElementById("referring-from"));
        var id = await navigator.Browser.NavigatorRefersAsync(service.Id,
            ReferralFlowBuilders.NavigatorReferralFields("Ali Khan", $"ali-{Guid.NewGuid():N}@example.org"));

        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var received = await staff.Browser.GetAsync($"/provider/referrals/{id}");
        Assert.Equal(HttpStatusCode.OK, received.Status);
        Assert.Null(received.Document.GetElementById("referred-from"));

        // Membership names where a navigator refers from; it is not a provider role.
        var (employer, _, _) = await app.AddOrganisationAsync("Castleford Test Foods " + Guid.NewGuid().ToString("N")[..6]);
        using var firstAider = await app.SignInAsStaffAsync(Roles.Navigator, employer.Id);
        var listings = await firstAider.Browser.GetAsync("/provider");
        Assert.NotEqual(HttpStatusCode.OK, listings.Status);
    }

    [Fact]
    public async Task A_navigator_who_moves_organisation_leaves_old_referrals_with_the_old_one_and_the_counts_follow_the_referral()
    {
        var (org, service) = await app.AddReferrableServiceAsync("Holme Valley Listening", access: "access:professional-referral");
        var (before, _, _) = await app.AddOrganisationAsync("Marsden Test College " + Guid.NewGuid().ToString("N")[..6]);
        var (after, _, _) = await app.AddOrganisationAsync("Slaithwaite Test Works " + Guid.NewGuid().ToString("N")[..6]);
        using var adviser = await app.SignInAsStaffAsync(Roles.Navigator, before.Id);
        var old = await adviser.Browser.NavigatorRefersAsync(service.Id,
            ReferralFlowBuilders.NavigatorReferralFields("Jo Firth", $"jo-{Guid.NewGuid():N}@example.org"));

        // They move: their membership is now the employer's.
        await using (var db = app.OpenDb())
        {
            await db.OrganisationMemberships.Where(m => m.UserId == adviser.Account.UserId)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.OrganizationId, after.Id));
        }
        var later = await adviser.Browser.NavigatorRefersAsync(service.Id,
            ReferralFlowBuilders.NavigatorReferralFields("Kit Haigh", $"kit-{Guid.NewGuid():N}@example.org"));

        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        Assert.Equal($"Referred by a navigator at {before.Name}.", (await staff.Browser.GetAsync($"/provider/referrals/{old}")).Text("#referred-from"));
        Assert.Equal($"Referred by a navigator at {after.Name}.", (await staff.Browser.GetAsync($"/provider/referrals/{later}")).Text("#referred-from"));
        await using (var db = app.OpenDb())
        {
            Assert.Equal(before.Id, await db.Referrals.Where(r => r.Id == old).Select(r => r.ReferredFromOrganisationId).SingleAsync());
        }

        // "Receives from most" counts each referral under the organisation it was made from.
        var network = await staff.Browser.GetAsync($"/provider/network/{org.Id}");
        Assert.Equal(HttpStatusCode.OK, network.Status);
        var rows = network.Document.QuerySelectorAll("#receives-from-table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(ReferralPartners.NavigatorsRow, StringComparison.Ordinal) && r.Contains(before.Name, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(after.Name, StringComparison.Ordinal));
        // And "refers to most" on the college's page, for its staff, still counts the old one.
        using var collegeStaff = await app.SignInAsStaffAsync(Roles.ProviderStaff, before.Id);
        Assert.Contains(service.Name, (await collegeStaff.Browser.GetAsync($"/provider/network/{before.Id}")).Text("#refers-to-table"), StringComparison.Ordinal);
    }
}
