using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Outbox;
using Waymark.Core.Referrals;

namespace Waymark.Tests.Infrastructure;

/// <summary>Builders for referral follow-ups: services at a place of the test's own, navigator referrals, and moving time back.</summary>
public static class ReferralFlowBuilders
{
    /// <summary>A point in Yorkshire no other test uses, so matching near it finds only the test's own services.</summary>
    public static (double Lat, double Lon) SomewhereNew() => (53.0 + (Random.Shared.NextDouble() * 1.5), -2.5 + (Random.Shared.NextDouble() * 2.0));

    /// <summary>A service (with its own organisation) at a place, with extra vocabulary codes; the search index is rebuilt.</summary>
    public static async Task<(Guid OrgId, Guid ServiceId)> AddServiceAtAsync(this WaymarkApp app, string name, (double Lat, double Lon) place, params string[] codes)
    {
        var builder = new ServiceBuilder(name).At(place.Lat, place.Lon, "S1 2HE");
        foreach (var code in codes)
        {
            var parts = code.Split('=', 2);
            builder.WithTerm(parts[0], parts.Length > 1 ? parts[1] : null);
        }
        var service = builder.Build();
        await app.AddSearchableServicesAsync(builder);
        return (service.OrganizationId!.Value, service.Id);
    }

    /// <summary>The fields of a complete navigator referral, which a test may override.</summary>
    public static List<KeyValuePair<string, string>> NavigatorReferralFields(string name, string email, string story = "", params (string Key, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["PersonName"] = name,
            ["Contact"] = "Email",
            ["PersonEmail"] = email,
            ["PersonPhone"] = "",
            ["ConsentMethod"] = "InPerson",
            ["ConsentGivenOn"] = DateTime.UtcNow.ToString("d/M/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["SharesContactDetails"] = "true",
            ["SharesStory"] = story.Length > 0 ? "true" : "false",
            ["Story"] = story,
        };
        foreach (var (key, value) in overrides)
        {
            fields[key] = value;
        }
        return [.. fields];
    }

    /// <summary>Sends a navigator referral through the form and returns its id.</summary>
    public static async Task<Guid> NavigatorRefersAsync(this Browser navigator, Guid serviceId, List<KeyValuePair<string, string>> fields, string query = "")
    {
        var sent = await navigator.SubmitAsync($"/navigator/refer/{serviceId}{query}", fields);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.Status);
        Assert.StartsWith("/navigator/referrals/", sent.RedirectPath, StringComparison.Ordinal);
        return Guid.Parse(sent.RedirectPath["/navigator/referrals/".Length..]);
    }

    /// <summary>Runs the follow-up job once, as the background service does.</summary>
    public static async Task<ReferralFollowUps.Outcome> RunFollowUpsAsync(this WaymarkApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReferralFollowUps>().RunOnceAsync();
    }

    /// <summary>Moves a referral and its whole history back in time, as if it had happened <paramref name="days"/> ago.</summary>
    public static async Task BackdateAsync(this WaymarkApp app, Guid referralId, double days)
    {
        await using var db = app.OpenDb();
        var referral = await db.Referrals.Include(r => r.Events).AsNoTracking().SingleAsync(r => r.Id == referralId);
        var by = TimeSpan.FromDays(days);
        await db.Referrals.Where(r => r.Id == referralId).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, referral.CreatedAt - by));
        foreach (var e in referral.Events)
        {
            await db.ReferralEvents.Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OccurredAt, e.OccurredAt - by));
        }
    }

    public static async Task<List<OutboxMessage>> MessagesAboutAsync(this WaymarkApp app, Guid referralId)
    {
        await using var db = app.OpenDb();
        return await db.OutboxMessages.Where(m => m.SubjectId == referralId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync();
    }
}
