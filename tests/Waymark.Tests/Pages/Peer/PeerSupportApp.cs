using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.PeerSupport;
using Waymark.Core.Schedules;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Peer;

/// <summary>The app on a clock the tests move on (a day, four weeks), with helpers for a team of peer supporters.</summary>
public sealed class PeerSupportApp : AccountsApp
{
    public MovableClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>The course the helpers record a peer supporter's initial training under.</summary>
    public const string InitialCourse = "Initial peer support training";

    /// <summary>
    /// An organisation whose service takes self-referrals, a peer supporter and a provider-admin (their supervisor), both
    /// signed in. The peer supporter has the organisation's default initial training recorded (42 hours, as anyone in
    /// practice would) unless <paramref name="trainedHours"/> says otherwise; null records none.
    /// </summary>
    public async Task<Team> TeamAsync(string name = "Calder Peer Support", decimal? trainedHours = PeerSupportSettings.DefaultInitialTrainingHours)
    {
        var (org, service) = await this.AddReferrableServiceAsync(name);
        var peer = await SignInAsStaffAsync(Roles.PeerSupporter, org.Id);
        var supervisor = await SignInAsStaffAsync(Roles.ProviderAdmin, org.Id);
        if (trainedHours is { } hours)
        {
            await RecordTrainingAsync(peer.Account.UserId, org.Id, hours);
        }
        return new Team(this, org.Id, service.Id, peer, supervisor);
    }

    /// <summary>Initial training completed today, recorded as the command line would.</summary>
    public async Task RecordTrainingAsync(Guid userId, Guid organisationId, decimal hours = PeerSupportSettings.DefaultInitialTrainingHours)
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PeerSupportRecords>()
            .RecordTrainingAsync(organisationId, userId, InitialCourse, UkTime.DateOf(Clock.Now), null, hours, Actor.CommandLine);
    }

    public async Task<AssignmentCheck> CheckAsync(Guid userId, Guid organisationId, AssignmentKind kind = AssignmentKind.Referral)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AssignmentGate>().CheckAsync(userId, organisationId, kind);
    }

    /// <summary>The work form's fields for work that started <paramref name="ago"/> before now (UK time) and lasted <paramref name="minutes"/>.</summary>
    public List<KeyValuePair<string, string>> WorkFields(TimeSpan ago, int minutes, string kind = "GroupSessionFacilitated")
    {
        var start = UkTime.ToLocal(Clock.Now - ago);
        return
        [
            new("Work.Kind", kind),
            new("Work.Date", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Work.Start", start.ToString("HH:mm", CultureInfo.InvariantCulture)),
            new("Work.Minutes", minutes.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    /// <summary>The same account signed in afresh (password, then an authenticator code for the clock's time).</summary>
    public async Task<StaffSession> SignInAgainAsync(StaffSession before)
    {
        var browser = Browser.For(this);
        var signIn = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", before.Account.Email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.StartsWith("/account/sign-in/code", signIn.RedirectPath, StringComparison.Ordinal);
        var code = await browser.SubmitAsync("/account/sign-in/code", [new("Code", Totp.Code(before.AuthenticatorKey, Clock.Now))]);
        Assert.Equal(HttpStatusCode.Redirect, code.Status);
        return before with { Browser = browser };
    }

    public string Today(int days = 0) => UkTime.DateOf(Clock.Now).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record Team(PeerSupportApp App, Guid OrgId, Guid ServiceId, StaffSession Peer, StaffSession Supervisor) : IDisposable
{
    public Guid PeerId => Peer.Account.UserId;

    public string PersonPage => $"/provider/people/{OrgId}/{PeerId}";

    /// <summary>Posts a form on the supervisor's page for this peer supporter.</summary>
    public async Task<Infrastructure.Page> SupervisorPostsAsync(string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await Supervisor.Browser.GetAsync(PersonPage);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await Supervisor.Browser.PostAsync($"{PersonPage}?handler={handler}", page.AntiforgeryToken(), fields);
    }

    /// <summary>Posts a form on the peer supporter's own page.</summary>
    public async Task<Infrastructure.Page> PeerPostsAsync(string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await Peer.Browser.GetAsync("/peer");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var action = $"/peer?handler={handler}&organisationId={OrgId}";
        return await Peer.Browser.PostAsync(action, page.AntiforgeryToken(), fields);
    }

    /// <summary>A person refers themselves to the team's service; the supervisor then gives it to the peer supporter.</summary>
    public async Task<(Guid ReferralId, Infrastructure.Page Answer)> AssignNewReferralAsync()
    {
        var (person, _) = await App.SignInWithPasswordOnlyAsync(Roles.Person);
        using (person)
        {
            var id = await person.SelfReferAsync(App, ServiceId, "Private words");
            var url = $"/provider/referrals/{id}";
            var page = await Supervisor.Browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            return (id, await Supervisor.Browser.PostAsync($"{url}?handler=Assign", page.AntiforgeryToken(), [new("AssignTo", PeerId.ToString())]));
        }
    }

    public void Dispose()
    {
        Peer.Dispose();
        Supervisor.Dispose();
    }
}
