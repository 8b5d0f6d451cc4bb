using Microsoft.Extensions.Options;
using Waymark.Core.Data;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

// Settings, validated on start
var waymark = WaymarkOptions.FromConfiguration(builder.Configuration);
builder.Services.AddSingleton(Options.Create(waymark));
builder.Services.AddSingleton(TimeProvider.System);

// Data
builder.Services.AddWaymarkDatabase(waymark.Database);

// Accounts: Identity, staff policies with an authenticator, sign-in rate limits
builder.Services.AddWaymarkAccounts(builder.Configuration, builder.Environment);

// Web
builder.Services.AddRazorPages();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

var app = builder.Build();

// Bring the database up to date before serving anything.
await app.Services.MigrateAndSeedAsync(waymark);

app.UseExceptionHandler();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseStaticFiles();
app.UseRouting();
app.UseWaymarkAccounts();

app.MapRazorPages();
app.MapGet("/health", () => Results.Text("ok"));

await app.RunAsync();

/// <summary>Entry point, visible to the in-process tests.</summary>
public partial class Program;
