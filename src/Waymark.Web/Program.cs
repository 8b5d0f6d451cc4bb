using Microsoft.Extensions.Options;
using Waymark.Core.Data;
using Waymark.Web.Accounts;
using Waymark.Web.Commissioning;
using Waymark.Web.Groups;
using Waymark.Web.Infrastructure;
using Waymark.Web.Match;
using Waymark.Web.Network;
using Waymark.Web.Notifications;
using Waymark.Web.Oruk;
using Waymark.Web.PeerSupport;
using Waymark.Web.People;
using Waymark.Web.Referrals;
using Waymark.Web.Wall;

var builder = WebApplication.CreateBuilder(args);

// Settings, validated on start
var waymark = WaymarkOptions.FromConfiguration(builder.Configuration);
builder.Services.AddSingleton(Options.Create(waymark));
builder.Services.AddSingleton(TimeProvider.System);

// Data
builder.Services.AddWaymarkDatabase(waymark.Database);
// Commissioner reports and the ORUK API read from a standby when WAYMARK_DATABASE_READ names one; writes go to the primary.
builder.Services.AddWaymarkReadDatabase(waymark.ReadDatabase);

// Matching: the in-memory directory snapshot, gazetteer and matcher
builder.Services.AddMatching();

// Accounts: Identity, staff policies with an authenticator, sign-in rate limits
builder.Services.AddWaymarkAccounts(builder.Configuration, builder.Environment);

// Referrals: Data Protection (keys in the database), the outbox and its relay
builder.Services.AddWaymarkReferrals(builder.Configuration, builder.Environment);

// Referral follow-ups: notifications (folder, GOV.UK Notify or SMTP), navigator and onward referrals, staleness and check-ins
builder.Services.AddReferralFlow(builder.Configuration);

// People: self-service accounts, the support plan, "tell my story once", download and delete my data
builder.Services.AddWaymarkPeople();

// The peer-support wall: every post held for a moderator (ADR 0014), the screener as triage, the moderation queue
builder.Services.AddWaymarkWall(builder.Configuration);
// Peer supporters: training, supervision, debriefs, check-ins, load against caps, and the one assignment gate
builder.Services.AddWaymarkPeerSupport(builder.Configuration);
builder.Services.AddWaymarkCommissioning(builder.Configuration);
// Groups: a provider's group sessions, their calendars, cancellation messages to people who saved the service
builder.Services.AddWaymarkGroups();
// Organisations working together: onward referrals between them, shared offers, "works with" links
builder.Services.AddWaymarkNetwork();

// Web
builder.Services.AddRazorPages().AddMvcOptions(o => o.Filters.Add(new MissingHandlers()));
builder.Services.AddSessionOnlyAntiforgery();
// Browsers that have seen Waymark over https never try it over plain http again, for a year.
builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOrukApi(builder.Configuration);

var app = builder.Build();

// Bring the database up to date before serving anything. The search snapshot loads once the app listens
// (DirectoryChangeListener); searches wait for it or are told to retry, never answered from an empty one.
await app.Services.MigrateAndSeedAsync(waymark);
// HAZ-21: standbys that commits do not wait for can lose, in a crash, what people were told was saved (docs/operations.md §3).
if (app.Environment.IsProduction())
{
    await app.Services.WarnIfCommitsDoNotWaitAsync();
}

// Behind a TLS proxy: the client's own address and scheme, from trusted proxies only (off unless configured).
app.UseTrustedProxies(waymark);
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UsePrivacyHeaders();
app.UseExceptionHandler();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseStaticFiles();
app.UseRouting();
app.UseCors();
app.UseWaymarkAccounts();

app.MapRazorPages();
app.MapExitThisPage();
app.MapGroupCalendars();
app.MapMatchApi();
app.MapHealth();
app.MapOrukApi();

await app.RunAsync();

/// <summary>Entry point, visible to the in-process tests.</summary>
public partial class Program;
