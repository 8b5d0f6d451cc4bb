using Microsoft.EntityFrameworkCore;
using Waymark.Core.Directory;
using Waymark.Core.Referrals;

namespace Waymark.Tests.Infrastructure;

public static class ReferralBuilders
{
    /// <summary>An organisation whose one service takes self-referrals (or, with <paramref name="access"/>, some other way in).</summary>
    public static async Task<(Organization Org, Service Service)> AddReferrableServiceAsync(this AccountsApp app, string name = "Calder Peer Support", string access = "access:self-referral")
    {
        var (org, service, _) = await app.AddOrganisationAsync(name);
        await using var db = app.OpenDb();
        db.ServiceAttributes.Add(new ServiceAttribute { Id = Guid.NewGuid(), ServiceId = service.Id, TaxonomyTermId = Vocabulary.TermId(access) });
        await db.SaveChangesAsync();
        return (org, service);
    }

    /// <summary>Sends a self-referral through the form, as a person would, and returns its id.</summary>
    public static async Task<Guid> SelfReferAsync(this Browser person, AccountsApp app, Guid serviceId, string story = "", string contact = "Email")
    {
        var sent = await person.SubmitAsync($"/services/{serviceId}/refer", [new("Story", story), new("Contact", contact)]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.Status);
        Assert.Equal("/my/referrals", sent.Location?.OriginalString);
        await using var db = app.OpenDb();
        return await db.Referrals.Where(r => r.ServiceId == serviceId).OrderByDescending(r => r.CreatedAt).Select(r => r.Id).FirstAsync();
    }

    public static async Task<Referral> ReferralAsync(this AccountsApp app, Guid id)
    {
        await using var db = app.OpenDb();
        return await db.Referrals.Include(r => r.Events).AsNoTracking().SingleAsync(r => r.Id == id);
    }
}
