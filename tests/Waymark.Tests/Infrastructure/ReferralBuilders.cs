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

    /// <summary>The self-referral form's fields as a person fills them in: a name, an email address and a phone number to share.</summary>
    public static List<KeyValuePair<string, string>> SelfReferralFields(string story = "", string contact = "Email", string name = "Sam", string email = "sam@example.org", string phone = "07700 900 982") =>
        [new("Story", story), new("Contact", contact), new("Name", name), new("Email", email), new("Phone", phone)];

    /// <summary>
    /// Sends a self-referral as a person would: the form, then "check your answers", then send. Returns its id, read
    /// from the confirmation page's address.
    /// </summary>
    public static async Task<Guid> SelfReferAsync(this Browser person, AccountsApp app, Guid serviceId, string story = "", string contact = "Email")
    {
        var sent = await person.SendSelfReferralAsync(serviceId, SelfReferralFields(story, contact));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.Status);
        var id = ConfirmationId(sent, serviceId);
        await using var db = app.OpenDb();
        Assert.True(await db.Referrals.AnyAsync(r => r.Id == id && r.ServiceId == serviceId));
        return id;
    }

    /// <summary>Posts the form (which answers with the check page), then sends what the check page shows.</summary>
    public static async Task<Page> SendSelfReferralAsync(this Browser person, Guid serviceId, List<KeyValuePair<string, string>> fields, string query = "")
    {
        var url = $"/services/{serviceId}/refer{query}";
        var check = await person.SubmitAsync(url, fields, formAction: url);
        Assert.Equal(System.Net.HttpStatusCode.OK, check.Status);
        var form = check.Document.QuerySelector("#send-referral")?.Closest("form");
        var send = form?.GetAttribute("action");
        Assert.NotNull(send);
        var hidden = form!.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is { } n && n != "__RequestVerificationToken")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .ToList();
        return await person.PostAsync(send, check.AntiforgeryToken(send), hidden);
    }

    /// <summary>The referral id in a redirect to <c>/services/{id}/refer/sent/{referral}</c>.</summary>
    public static Guid ConfirmationId(Page sent, Guid serviceId)
    {
        var path = sent.RedirectPath.Split('?')[0];
        var prefix = $"/services/{serviceId}/refer/sent/";
        Assert.StartsWith(prefix, path, StringComparison.Ordinal);
        return Guid.Parse(path[prefix.Length..]);
    }

    public static async Task<Referral> ReferralAsync(this AccountsApp app, Guid id)
    {
        await using var db = app.OpenDb();
        return await db.Referrals.Include(r => r.Events).AsNoTracking().SingleAsync(r => r.Id == id);
    }
}
