using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.People;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.My;

/// <summary>The support plan: services saved from their pages, referrals, contact choice and notes — each person's own.</summary>
public sealed class PlanTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task A_service_is_saved_from_its_page_without_javascript_shown_in_the_plan_and_removed()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Calder Peer Support");
        using var person = await app.SignUpAsync();

        var page = await person.Browser.GetAsync($"/services/{service.Id}");
        Assert.NotNull(page.Document.QuerySelector("#save-to-plan"));
        var saved = await person.Browser.PostAsync("/my/plan?handler=Save", page.AntiforgeryToken("/my/plan?handler=Save"), [new("serviceId", service.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal($"/services/{service.Id}#plan", saved.RedirectPath);
        var back = await person.Browser.GetAsync($"/services/{service.Id}");
        Assert.Equal("Saved to your plan. See your plan", back.Text("#plan-saved"));
        Assert.NotNull(back.Document.QuerySelector("#remove-from-plan"));

        var plan = await person.Browser.GetAsync("/my/plan");
        Assert.Equal("Tuesday evening peer group", plan.Text($"#plan-services li[data-service-id='{service.Id}'] a"));

        var removed = await person.Browser.PostAsync("/my/plan?handler=Remove", plan.AntiforgeryToken("/my/plan?handler=Remove"), [new("serviceId", service.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        plan = await person.Browser.GetAsync("/my/plan");
        Assert.NotNull(plan.Document.QuerySelector("#no-services"));
    }

    [Fact]
    public async Task Someone_not_signed_in_sees_that_an_account_is_optional_and_no_save_button()
    {
        var (_, service) = await app.AddReferrableServiceAsync();
        using var anonymous = Browser.For(app);

        var page = await anonymous.GetAsync($"/services/{service.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("#save-to-plan"));
        Assert.Contains("You do not need one to use Waymark", page.Text("#plan-sign-in"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_persons_ids_are_not_found_and_change_nothing()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Their Service");
        using var owner = await app.SignUpAsync();
        using var other = await app.SignUpAsync();
        var page = await owner.Browser.GetAsync($"/services/{service.Id}");
        await owner.Browser.PostAsync("/my/plan?handler=Save", page.AntiforgeryToken("/my/plan?handler=Save"), [new("serviceId", service.Id.ToString())]);
        var referralId = await owner.Browser.SelfReferAsync(app, service.Id, "Only for them");

        var otherPlan = await other.Browser.GetAsync("/my/plan");
        Assert.DoesNotContain("Their Service", otherPlan.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tuesday evening peer group", otherPlan.Html, StringComparison.Ordinal);
        var token = otherPlan.AntiforgeryToken();
        var remove = await other.Browser.PostAsync("/my/plan?handler=Remove", token, [new("serviceId", service.Id.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, remove.Status);
        var saveMissing = await other.Browser.PostAsync("/my/plan?handler=Save", token, [new("serviceId", Guid.NewGuid().ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, saveMissing.Status);
        var withdraw = await other.Browser.PostAsync($"/my/referrals?handler=Withdraw&referralId={referralId}", token, []);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.Status);

        await using var db = app.OpenDb();
        Assert.True(await db.SavedServices.AnyAsync(s => s.UserId == owner.UserId && s.ServiceId == service.Id));
        Assert.Equal(ReferralStatus.Sent, (await app.ReferralAsync(referralId)).Status);
        Assert.False(await db.AuditEvents.AnyAsync(a => a.ActorId == other.UserId && a.SubjectId == owner.UserId.ToString()));
    }

    [Fact]
    public async Task Text_messages_need_a_mobile_number_which_is_kept_on_the_account_only_while_chosen()
    {
        using var person = await app.SignUpAsync();

        var missing = await person.Browser.SubmitAsync("/my/plan", [new("Contact", "Sms"), new("Phone", "")], "/my/plan?handler=Contact");
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal(["Enter a UK mobile number for text messages"], missing.ErrorSummary());
        Assert.Equal(["#Phone"], missing.ErrorSummaryLinks());
        var wrong = await person.Browser.SubmitAsync("/my/plan", [new("Contact", "Sms"), new("Phone", "01422 000000")], "/my/plan?handler=Contact");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);

        var ok = await person.Browser.SubmitAsync("/my/plan", [new("Contact", "Sms"), new("Phone", "07700 900 982")], "/my/plan?handler=Contact");
        Assert.Equal(HttpStatusCode.Redirect, ok.Status);
        Assert.Equal(new PersonContactDetails(ContactPreference.Sms, "+447700900982"), await ContactAsync(person.UserId));

        await person.Browser.SubmitAsync("/my/plan", [new("Contact", "Email"), new("Phone", "07700 900 982")], "/my/plan?handler=Contact");
        Assert.Equal(new PersonContactDetails(ContactPreference.Email, person.Email), await ContactAsync(person.UserId));
        await using var db = app.OpenDb();
        Assert.Null(await db.Users.Where(u => u.Id == person.UserId).Select(u => u.PhoneNumber).SingleAsync());
    }

    [Fact]
    public async Task Do_not_contact_me_is_honoured_for_every_referral_and_by_PersonContact()
    {
        var (org, service) = await app.AddReferrableServiceAsync();
        using var person = await app.SignUpAsync();
        var id = await person.Browser.SelfReferAsync(app, service.Id, "", contact: "Email");
        Assert.True(await MessagesToAsync(person.Email, id) > 0, "with email chosen, the person hears that the referral was sent");

        var none = await person.Browser.SubmitAsync("/my/plan", [new("Contact", "None"), new("Phone", "")], "/my/plan?handler=Contact");
        Assert.Equal(HttpStatusCode.Redirect, none.Status);
        Assert.Equal(ContactPreference.None, (await app.ReferralAsync(id)).ContactPreference);
        var details = await ContactAsync(person.UserId, ContactPreference.Email);
        Assert.False(details!.MayContact);

        var before = await MessagesToAsync(person.Email, id);
        using var staff = await app.SignInAsStaffAsync(Waymark.Core.Accounts.Roles.ProviderStaff, org.Id);
        await staff.Browser.GetAsync($"/provider/referrals/{id}");
        Assert.Equal(ReferralStatus.Opened, (await app.ReferralAsync(id)).Status);
        Assert.Equal(before, await MessagesToAsync(person.Email, id));
        // The referral form starts from the plan's choice.
        var (_, another) = await app.AddReferrableServiceAsync();
        var form = await person.Browser.GetAsync($"/services/{another.Id}/refer");
        Assert.NotNull(form.Document.QuerySelector("#Contact-none[checked]"));

        // Choosing email on one referral's form does not override "don't contact me" in the plan.
        var second = await person.Browser.SelfReferAsync(app, another.Id, "", contact: "Email");
        Assert.Equal(0, await MessagesToAsync(person.Email, second));
    }

    private async Task<int> MessagesToAsync(string email, Guid referralId)
    {
        await using var db = app.OpenDb();
        return await db.OutboxMessages.CountAsync(m => m.SubjectId == referralId && m.Recipient == email);
    }

    [Fact]
    public async Task Notes_are_encrypted_at_rest_and_every_view_of_the_plan_is_audited()
    {
        using var person = await app.SignUpAsync();
        const string notes = "Ring my sister Ana before the appointment";

        var saved = await person.Browser.SubmitAsync("/my/plan", [new("Notes", notes)], "/my/plan?handler=Notes");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var plan = await person.Browser.GetAsync("/my/plan");

        Assert.Equal(notes, plan.Document.QuerySelector("#Notes")!.TextContent);
        await using var db = app.OpenDb();
        var stored = await db.PersonProfiles.Where(p => p.UserId == person.UserId).Select(p => p.ProtectedNotes).SingleAsync();
        Assert.DoesNotContain("sister", stored!, StringComparison.OrdinalIgnoreCase);
        Assert.True(await db.AuditEvents.CountAsync(a => a.ActorId == person.UserId && a.Action == PersonAudit.PlanViewed) >= 1);

        var tooLong = await person.Browser.SubmitAsync("/my/plan", [new("Notes", new string('x', PersonPlan.MaxNotesLength + 1))], "/my/plan?handler=Notes");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal(["#Notes"], tooLong.ErrorSummaryLinks());
    }

    private async Task<PersonContactDetails?> ContactAsync(Guid userId, ContactPreference? referral = null)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PersonContact>().ForAsync(userId, referral);
    }
}
