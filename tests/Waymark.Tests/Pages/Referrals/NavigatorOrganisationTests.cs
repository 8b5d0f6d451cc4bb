using System.Net;
using Waymark.Core.Accounts;
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
}
