using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waymark.Cli;
using Waymark.Tests.Infrastructure;
using Waymark.Tests.Oruk;

namespace Waymark.Tests.Cli;

public sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>Runs the real <c>waymark</c> entry point in process against a fresh test database, and a scratch folder for files.</summary>
public sealed class CliHarness : IDisposable
{
    public TestDatabase Database { get; } = new();
    public string Folder { get; } = Directory.CreateTempSubdirectory("waymark-cli-").FullName;

    /// <summary>The ORUK profile's example payloads (standards/oruk-3.0 in this repository).</summary>
    public static string Examples { get; } = Standards.Path("uk-profile", "examples");

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    public string Write(string name, JsonNode json) => Write(name, json.ToJsonString());

    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await WaymarkCli.RunAsync([.. args, "--database", Database.Connection], output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Row counts of every directory table, to show a failed import changed nothing.</summary>
    public async Task<Dictionary<string, int>> CountsAsync()
    {
        await using var db = Database.Open();
        await db.Database.MigrateAsync();
        return new Dictionary<string, int>
        {
            ["service"] = await db.Services.CountAsync(),
            ["organization"] = await db.Organizations.CountAsync(),
            ["location"] = await db.Locations.CountAsync(),
            ["address"] = await db.Addresses.CountAsync(),
            ["service_at_location"] = await db.ServiceAtLocations.CountAsync(),
            ["schedule"] = await db.Schedules.CountAsync(),
            ["attribute"] = await db.ServiceAttributes.CountAsync(),
            ["taxonomy_term"] = await db.TaxonomyTerms.CountAsync(),
            ["contact"] = await db.Contacts.CountAsync(),
            ["phone"] = await db.Phones.CountAsync(),
            ["language"] = await db.Languages.CountAsync(),
            ["gazetteer_postcode"] = await db.GazetteerPostcodes.CountAsync(),
        };
    }

    public void Dispose()
    {
        Database.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>A tiny real HTTP server on 127.0.0.1 and a free port, answering what the test tells it to.</summary>
public sealed class TinyServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public string BaseUrl { get; }
    public List<string> Requests { get; } = [];

    private TinyServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<TinyServer> StartAsync(Func<HttpContext, Task> handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TinyServer? server = null;
        app.Run(async context =>
        {
            lock (server!.Requests)
            {
                server.Requests.Add(context.Request.Path + context.Request.QueryString);
            }
            await handle(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new TinyServer(app, address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
