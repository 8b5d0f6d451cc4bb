using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Provider;

/// <summary>
/// A provider states how many working days they take to reply to a referral: the overdue rule uses it, the
/// public page shows it as their own figure, the history records it and ORUK exports it as the same attribute.
/// </summary>
public sealed class ResponseTimeEditTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static List<KeyValuePair<string, string>> Form(string responseDays) =>
    [
        new("Input.Name", "Tuesday evening peer group"),
        new("Input.Description", "A small group for adults who self-harm, run by people who have been there."),
        new("Input.Status", "active"),
        new("Input.Terms", "access:self-referral"),
        new("Input.ResponseWorkingDays", responseDays),
    ];

    [Fact]
    public async Task A_saved_response_time_decides_when_a_referral_is_overdue_and_is_shown_recorded_and_exported()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var url = $"/provider/services/{service.Id}";
        // Sent on a Monday; eleven working days later (no bank holidays between) it is past the default 5 days.
        var sent = new DateTimeOffset(2026, 9, 7, 9, 0, 0, TimeSpan.Zero);
        var now = new FixedClock(sent.AddDays(15));
        (Guid, Guid, ReferralStatus, DateTimeOffset)[] referral = [(Guid.NewGuid(), service.Id, ReferralStatus.Sent, sent)];
        await using (var db = app.OpenDb())
        {
            Assert.NotEmpty(await ReferralFollowUps.OverdueAsync(db, referral, now));
        }

        var saved = await staff.Browser.SubmitAsync(url, Form(" 15 "));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        await using (var db = app.OpenDb())
        {
            Assert.Empty(await ReferralFollowUps.OverdueAsync(db, referral, now));
            var stored = Assert.Single(await db.ServiceAttributes.Where(a => a.ServiceId == service.Id && a.TaxonomyTermId == ReferralFollowUps.ResponseTimeTerm).ToListAsync());
            Assert.Equal("15", stored.Value);
            var history = Assert.Single(await db.Metadata.Where(m => m.ResourceId == service.Id && m.FieldName == "attributes").ToListAsync());
            Assert.Contains("expect:response-working-days=15", history.ReplacementValue, StringComparison.Ordinal);
            Assert.DoesNotContain("expect:response-working-days", history.PreviousValue, StringComparison.Ordinal);
        }
        Assert.Equal("15", (await staff.Browser.GetAsync(url)).Document.QuerySelector("#Input_ResponseWorkingDays")!.GetAttribute("value"));

        var publicPage = await Browser.For(app).GetAsync($"/services/{service.Id}");
        var shown = publicPage.Text("#reply-time");
        Assert.Contains("Usually replies to referrals within 15 working days", shown, StringComparison.Ordinal);
        Assert.Contains("provider’s own figure", shown, StringComparison.Ordinal);

        using (var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync(new Uri($"/oruk/services/{service.Id}", UriKind.Relative))))
        {
            var exported = json.RootElement.GetProperty("attributes").EnumerateArray()
                .Single(a => a.GetProperty("taxonomy_term_id").GetGuid() == Vocabulary.TermId("expect:response-working-days"));
            Assert.Equal("15", exported.GetProperty("value").GetString());
        }

        // A shorter figure makes the same referral overdue; clearing it goes back to the default.
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.SubmitAsync(url, Form("2"))).Status);
        await using (var db = app.OpenDb())
        {
            Assert.Equal(new DateOnly(2026, 9, 9), (await ReferralFollowUps.OverdueAsync(db, referral, now))[referral[0].Item1]);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.SubmitAsync(url, Form(""))).Status);
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.ServiceAttributes.AnyAsync(a => a.ServiceId == service.Id && a.TaxonomyTermId == ReferralFollowUps.ResponseTimeTerm));
            Assert.Equal(new DateOnly(2026, 9, 14), (await ReferralFollowUps.OverdueAsync(db, referral, now))[referral[0].Item1]);
        }
        Assert.Null((await Browser.For(app).GetAsync($"/services/{service.Id}")).Document.QuerySelector("#reply-time"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("61")]
    [InlineData("three")]
    [InlineData("2.5")]
    [InlineData("-3")]
    public async Task A_response_time_that_is_not_a_whole_number_from_1_to_60_is_refused_and_nothing_changes(string value)
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        await using (var db = app.OpenDb())
        {
            db.ServiceAttributes.Add(new ServiceAttribute { Id = Guid.NewGuid(), ServiceId = service.Id, TaxonomyTermId = ReferralFollowUps.ResponseTimeTerm, Value = "10" });
            await db.SaveChangesAsync();
        }
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);

        var page = await staff.Browser.SubmitAsync($"/provider/services/{service.Id}", Form(value));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["#Input_ResponseWorkingDays"], page.ErrorSummaryLinks());
        Assert.StartsWith("Working days to reply to a referral must be", page.ErrorSummary()[0], StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#Input_ResponseWorkingDays-error"));
        Assert.Equal(value, page.Document.QuerySelector("#Input_ResponseWorkingDays")!.GetAttribute("value"));
        await using (var db = app.OpenDb())
        {
            Assert.Equal("10", await db.ServiceAttributes.Where(a => a.ServiceId == service.Id && a.TaxonomyTermId == ReferralFollowUps.ResponseTimeTerm).Select(a => a.Value).SingleAsync());
            Assert.Equal(service.Name, await db.Services.Where(s => s.Id == service.Id).Select(s => s.Name).SingleAsync());
            Assert.False(await db.Metadata.AnyAsync(m => m.ResourceId == service.Id));
        }
    }
}
