using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Waymark.Core.Accounts;
using Waymark.Core.Data;

namespace Waymark.Bench;

/// <summary>
/// Issue 16 item 9 over real HTTP: against a running Waymark server (Release, on the same database), adds a
/// commissioner for Yorkshire and the Humber's authorities, signs in as a person would (sets the password from the
/// one-time link, signs in, sets up the authenticator with a code this bench works out from the key the page shows,
/// as an authenticator app would), then times whole GETs of the coverage page, the waits page and a later page of
/// its services, one request at a time, to the end of the answer. Prints the median, 95th percentile and slowest.
/// </summary>
public static partial class CommissioningHttp
{
    private const string Password = "heron lantern orchard bench";

    public static async Task RunAsync(string baseUrl, string connection, int requests, IReadOnlyList<string> areas)
    {
        NewAccount account;
        await using (var db = Database.Open(connection))
        {
            account = await new AccountAdministration(db, TimeProvider.System).AddUserAsync(
                $"bench-http-{DateTime.UtcNow:yyyyMMddHHmmss}@example.invalid", Roles.Commissioner, null, areas, Actor.CommandLine);
        }
        // Cookies kept by hand: a Production server marks them Secure, which a cookie container will not send over
        // plain HTTP to 127.0.0.1 (a TLS front end would only add its own time to every figure).
        using var handler = new CookieJar(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        await SubmitAsync(http, account.SetPasswordPath, [new("Password", Password)]);
        await SubmitAsync(http, "/account/sign-in", [new("Input.Email", account.Email), new("Input.Password", Password)]);
        var setup = await GetStringAsync(http, "/account/authenticator");
        var key = WebUtility.HtmlDecode(Key().Match(setup).Groups[1].Value);
        Require(key.Length > 0, "no authenticator key on /account/authenticator");
        var done = await PostAsync(http, "/account/authenticator", setup, [new("Code", TotpCode(key, DateTimeOffset.UtcNow))]);
        Require(done == HttpStatusCode.OK, $"setting up the authenticator answered {done}");

        var waits = await GetStringAsync(http, "/commissioning/waits");
        var pages = PageOf().Match(waits) is { Success: true } m ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
        Require(waits.Contains("Figures refreshed at", StringComparison.Ordinal), "the waits page is not from a snapshot: refresh first (bench --commissioning)");
        var services = ServicesOf().Match(waits).Groups[1].Value;
        Console.WriteLine(FormattableString.Invariant($"commissioner for {string.Join(", ", areas)}; waits page: {services} services, {pages} pages of {Core.Commissioning.WaitsReport.ServicesPerPage}"));
        foreach (var path in new[] { "/commissioning", "/commissioning/waits", FormattableString.Invariant($"/commissioning/waits?page={(pages / 2) + 1}") })
        {
            await TimeAsync(http, path, 3); // warm
            var ms = await TimeAsync(http, path, requests);
            var bytes = (await GetStringAsync(http, path)).Length;
            var sorted = ms.Order().ToArray();
            Console.WriteLine(FormattableString.Invariant(
                $"{path,-28} {requests} requests: median {sorted[sorted.Length / 2]:F1} ms, p95 {sorted[(int)Math.Ceiling(sorted.Length * 0.95) - 1]:F1} ms, slowest {sorted[^1]:F1} ms; {bytes / 1024.0:F0} KB"));
        }
    }

    private static async Task<List<double>> TimeAsync(HttpClient http, string path, int n)
    {
        var times = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var t = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            Require(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {response.StatusCode}");
        }
        return times;
    }

    private static async Task<string> GetStringAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Require(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task SubmitAsync(HttpClient http, string path, KeyValuePair<string, string>[] fields)
    {
        var status = await PostAsync(http, path, await GetStringAsync(http, path), fields);
        Require(status == HttpStatusCode.Redirect, $"POST {path} answered {status}");
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string path, string form, KeyValuePair<string, string>[] fields)
    {
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
        return response.StatusCode;
    }

    /// <summary>The code an authenticator app would show for the key the page gave (spaces are only for reading).</summary>
    private static string TotpCode(string base32Key, DateTimeOffset at) =>
        TimeBasedCode.CodeAt(TimeBasedCode.KeyBytes(base32Key.Replace(" ", "", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("the authenticator page showed a key that is not base32"), TimeBasedCode.StepAt(at));

    private sealed class CookieJar(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
            }
            var response = await base.SendAsync(request, cancellationToken);
            foreach (var set in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = set.Split(';')[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                _cookies[pair[..eq]] = pair[(eq + 1)..];
            }
            return response;
        }
    }

    private static void Require(bool ok, string why)
    {
        if (!ok)
        {
            throw new InvalidOperationException(why);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("id=\"authenticator-key\">([^<]+)<")]
    private static partial Regex Key();

    [GeneratedRegex("Page (\\d+) of (\\d+):")]
    private static partial Regex PageOf();

    [GeneratedRegex("of (\\d+), by name")]
    private static partial Regex ServicesOf();
}
