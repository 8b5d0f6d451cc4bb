using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Waymark.BrowserTests;

/// <summary>
/// One app process and one Chromium for the whole run. Chromium is Debian's, found through
/// WAYMARK_CHROMIUM (test.sh sets it) or /usr/bin/chromium; Playwright never downloads a browser here.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly ConditionalWeakTable<IBrowserContext, object> WithoutJavaScript = [];
    private IPlaywright? _playwright;

    public AppServer App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public static string ArtifactsFolder { get; } = Path.Combine(AppServer.RepositoryRoot, "test-results", "browser");

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var chromium = Environment.GetEnvironmentVariable("WAYMARK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}. ./test.sh installs Debian's chromium package when run as root.");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Without the background-networking flags Chromium tries to reach Google; this machine has no such network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ArtifactsFolder);
    }

    /// <summary>A fresh, isolated browser context (no shared cookies) with the given viewport and JavaScript setting.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        if (!javaScript)
        {
            WithoutJavaScript.Add(context, new object());
        }
        return await context.NewPageAsync();
    }

    /// <summary>Whether the page was opened with JavaScript off (see <see cref="AxeCheck"/> for why that matters).</summary>
    public static bool HasJavaScriptOff(IPage page) => WithoutJavaScript.TryGetValue(page.Context, out _);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
