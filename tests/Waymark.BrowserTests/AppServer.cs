using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Waymark.BrowserTests;

/// <summary>
/// The real app as a separate process on Kestrel, on a free loopback port, over a throwaway SQLite
/// database seeded with the fictional sample directory — what a newcomer sees after `dotnet run`.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private Process? _process;
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"waymark-browser-{Guid.NewGuid():N}.db");
    private readonly string _outboxFolder = Path.Combine(Path.GetTempPath(), $"waymark-browser-outbox-{Guid.NewGuid():N}");
    private readonly string _certificateFolder = Path.Combine(Path.GetTempPath(), $"waymark-browser-certificate-{Guid.NewGuid():N}");
    private readonly System.Text.StringBuilder _output = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app's database, for tests that must arrange something no page can (such as a first account).</summary>
    public string DatabaseConnection => $"Data Source={_databaseFile}";

    /// <summary>Where Exit this page goes in these tests: another origin (localhost, not 127.0.0.1), still loopback.</summary>
    public Uri NeutralSite => new($"http://localhost:{BaseAddress.Port}/health");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var webProject = Path.Combine(RepositoryRoot, "src", "Waymark.Web");
        var dll = Path.Combine(webProject, "bin", configuration, "net10.0", "Waymark.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Build the web app first: {dll} is missing.");
        }

        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseAddress.ToString()])
        {
            // The project folder is the content root, so wwwroot is served as in `dotnet run`.
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Production will not start without a certificate to encrypt the key ring: a throwaway self-signed one.
        System.IO.Directory.CreateDirectory(_certificateFolder);
        start.Environment["WAYMARK_KEY_CERTIFICATE"] = Waymark.Tests.Infrastructure.TestCertificates.Write(_certificateFolder);
        start.Environment["WAYMARK_DATABASE"] = $"Data Source={_databaseFile}";
        start.Environment["WAYMARK_SAMPLE_DATA"] = "yorkshire-and-humber";
        // Messages the journeys send (e.g. confirming an email) go to a throwaway folder, not into the checkout.
        start.Environment["WAYMARK_OUTBOX_FOLDER"] = _outboxFolder;
        // Every journey signs in from 127.0.0.1: at the default 10 a minute, a fast run trips the limit (429) mid-journey.
        // The limit itself is tested in-process (AuthenticatorTests).
        start.Environment["WAYMARK_SIGN_IN_ATTEMPTS_PER_MINUTE"] = "10000";
        // A neutral page on loopback stands in for the real neutral site, which this machine cannot reach.
        start.Environment["WAYMARK_EXIT_URL"] = NeutralSite.ToString();
        // Timed log lines, with every request's start and finish, so a failed step can be matched to what the server did.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        start.Environment["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The web app stopped during start:\n" + Output);
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The web app did not answer /health within 90 s:\n" + Output);
    }

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        // Kept for a failed run: test.sh prints its warnings and errors when the browser suite fails.
        System.IO.Directory.CreateDirectory(BrowserFixture.ArtifactsFolder);
        File.WriteAllText(Path.Combine(BrowserFixture.ArtifactsFolder, $"app-{BaseAddress.Port}.log"), Output);
        foreach (var f in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            File.Delete(f);
        }
        foreach (var folder in new[] { _outboxFolder, _certificateFolder }.Where(System.IO.Directory.Exists))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Waymark.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Could not find the repository root (Waymark.sln) above " + AppContext.BaseDirectory);
    }
}
