using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;

namespace Waymark.Bench;

/// <summary>
/// Whether an address has an account, or is locked after too many wrong passwords, must not show in how long
/// sign-in, sign-up and "forgotten password" take to answer. Starts the app (a Release Waymark.Web.dll) on a
/// throwaway SQLite database, makes two confirmed accounts and locks the second with wrong passwords, then times
/// <c>rounds</c> POSTs of each form for an account and as many for addresses with no account, alternating, and
/// prints median and p90 of each and their ratio. Untimed between POSTs: a GET for the form's antiforgery token,
/// a pause so work done after one answer does not overlap the next, and on the database the first account's
/// failed-sign-in counts and recent reset emails cleared, so it is never locked out or at its hourly email limit,
/// and the second account's lock renewed, so it stays locked.
/// </summary>
public static partial class AccountTiming
{
    private const string KnownPassword = "heron lantern orchard";
    private const string WrongPassword = "not the password at all";
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync(string appDll, int rounds, int port, IReadOnlyCollection<string>? only = null)
    {
        var folder = Directory.CreateTempSubdirectory("waymark-account-timing-");
        var connection = $"Data Source={Path.Combine(folder.FullName, "w.db")}";
        var root = new Uri($"http://127.0.0.1:{port}/");
        Say($"app {appDll}; {Environment.ProcessorCount} cores, load average {PerQuery.LoadAverage()}; {rounds} rounds, warm-up {Math.Max(10, rounds / 10)}");
        using var server = Start(appDll, connection, root, folder.FullName);
        try
        {
            using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
            using var http = new HttpClient(handler) { BaseAddress = root };
            await WaitForHealthAsync(http, server);

            var known = $"known-{Guid.NewGuid():N}@example.org";
            var made = await PostAsync(http, "/account/create", [new("Email", known), new("Password", KnownPassword)]);
            Require(made.Status == HttpStatusCode.Redirect, $"sign-up answered {made.Status}");
            await ConfirmAsync(connection, known);
            var locked = $"locked-{Guid.NewGuid():N}@example.org";
            made = await PostAsync(http, "/account/create", [new("Email", locked), new("Password", KnownPassword)]);
            Require(made.Status == HttpStatusCode.Redirect, $"sign-up answered {made.Status}");
            await ConfirmAsync(connection, locked);
            for (var i = 0; i < 6; i++)
            {
                await PostAsync(http, "/account/sign-in", [new("Input.Email", locked), new("Input.Password", WrongPassword)]);
            }

            // Before every POST, known or not, so both get the same untimed preparation.
            var forms = new (string Name, string Path, string Known, Func<string, KeyValuePair<string, string>[]> Fields, Func<Task> Before)[]
            {
                ("sign-in", "/account/sign-in", known, a => [new("Input.Email", a), new("Input.Password", WrongPassword)], () => ClearFailuresAsync(connection, known)),
                ("sign-in (locked)", "/account/sign-in", locked, a => [new("Input.Email", a), new("Input.Password", WrongPassword)], () => KeepLockedAsync(connection, locked)),
                ("sign-up", "/account/create", known, a => [new("Email", a), new("Password", "marmalade pylon whistle")], () => Task.CompletedTask),
                ("forgotten password", "/account/forgot-password", known, a => [new("Email", a)], () => ClearResetEmailsAsync(connection, known)),
            };
            foreach (var form in forms.Where(f => only is null || only.Contains(f.Name)))
            {
                var knownTimes = new List<double>();
                var unknownTimes = new List<double>();
                HttpStatusCode? knownStatus = null, unknownStatus = null;
                var warmUp = Math.Max(10, rounds / 10);
                for (var i = -warmUp; i < rounds; i++)
                {
                    foreach (var isKnown in i % 2 == 0 ? new[] { true, false } : [false, true])
                    {
                        await form.Before();
                        var address = isKnown ? form.Known : $"nobody-{Guid.NewGuid():N}@example.org";
                        var (status, ms) = await PostAsync(http, form.Path, form.Fields(address));
                        if (isKnown)
                        {
                            Require(knownStatus is null || knownStatus == status, $"{form.Name}: known address answered {status}, before {knownStatus}");
                            knownStatus = status;
                        }
                        else
                        {
                            Require(unknownStatus is null || unknownStatus == status, $"{form.Name}: unknown address answered {status}, before {unknownStatus}");
                            unknownStatus = status;
                        }
                        if (i >= 0)
                        {
                            (isKnown ? knownTimes : unknownTimes).Add(ms);
                        }
                        await Task.Delay(Pause);
                    }
                }
                var (km, kp) = (PerQuery.Percentile(knownTimes, 50), PerQuery.Percentile(knownTimes, 90));
                var (um, up) = (PerQuery.Percentile(unknownTimes, 50), PerQuery.Percentile(unknownTimes, 90));
                Say(string.Create(CultureInfo.InvariantCulture,
                    $"{form.Name,-19} known {(int)knownStatus!}: median {km,7:0.00} ms, p90 {kp,7:0.00} ms | unknown {(int)unknownStatus!}: median {um,7:0.00} ms, p90 {up,7:0.00} ms | known/unknown median {km / um:0.00}, p90 {kp / up:0.00}"));
            }
            Say($"load average {PerQuery.LoadAverage()}");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            folder.Delete(recursive: true);
        }
    }

    internal static Process Start(string appDll, string connection, Uri root, string folder, IReadOnlyDictionary<string, string>? settings = null)
    {
        appDll = Path.GetFullPath(appDll);
        var start = new ProcessStartInfo("dotnet", [appDll, "--urls", root.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["WAYMARK_DATABASE"] = connection;
        start.Environment["WAYMARK_SAMPLE_DATA"] = "none";
        start.Environment["WAYMARK_PUBLIC_URL"] = root.ToString();
        start.Environment["WAYMARK_SIGN_IN_ATTEMPTS_PER_MINUTE"] = "10000";
        start.Environment["WAYMARK_OUTBOX_RELAY"] = "off";
        start.Environment["WAYMARK_OUTBOX_FOLDER"] = Path.Combine(folder, "outbox");
        start.Environment["WAYMARK_FOLLOW_UPS"] = "off";
        start.Environment["WAYMARK_KEY_CERTIFICATE"] = WriteKeyCertificate(folder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Drained so a full pipe never blocks the server; shown only if it fails to start.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Production will not start without a certificate for its key ring; a throwaway one, beside the throwaway
    /// database, is enough for timing.
    /// </summary>
    private static string WriteKeyCertificate(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Waymark account timing", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(folder, "ring.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n");
        return path;
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process server)
    {
        for (var i = 0; i < 600; i++)
        {
            Require(!server.HasExited, "the app stopped while starting");
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("the app did not answer /health within a minute");
    }

    /// <summary>GETs the form (untimed) for its antiforgery cookie and token, then times the POST to the end of its answer.</summary>
    private static async Task<(HttpStatusCode Status, double Milliseconds)> PostAsync(HttpClient http, string path, KeyValuePair<string, string>[] fields)
    {
        var uri = new Uri(path, UriKind.Relative);
        using var get = await http.GetAsync(uri);
        var html = await get.Content.ReadAsStringAsync();
        var token = Token().Match(html).Groups[1].Value;
        var cookies = string.Join("; ", get.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        using var post = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]),
        };
        post.Headers.Add("Cookie", cookies);
        var t = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(post);
        await response.Content.ReadAsByteArrayAsync();
        var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        return (response.StatusCode, ms);
    }

    private static async Task ConfirmAsync(string connection, string email)
    {
        // Made through the form (the answer comes before the work on the new code), confirmed here rather than by the emailed link.
        for (var i = 0; i < 600; i++)
        {
            await using var db = Database.Open(connection);
            if (await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true)) == 1)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("the account was not made within a minute");
    }

    // Identity's own count for an app from before sign_in_counter (issue 13), the counters for one from after.
    private static async Task ClearFailuresAsync(string connection, string email)
    {
        await using var db = Database.Open(connection);
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null));
        if (await HasCountersAsync(db))
        {
            var key = SignInAttempts.AccountKey(email);
            await db.SignInCounters.Where(c => c.AccountKey == key).ExecuteDeleteAsync();
        }
    }

    private static async Task KeepLockedAsync(string connection, string email)
    {
        var until = DateTimeOffset.UtcNow.AddHours(1);
        await using var db = Database.Open(connection);
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, until));
        if (await HasCountersAsync(db))
        {
            var key = SignInAttempts.AccountKey(email);
            Require(await db.SignInCounters.Where(c => c.AccountKey == key && c.ClientKey != SignInAttempts.EveryClient).ExecuteUpdateAsync(s => s.SetProperty(c => c.LockedUntil, until)) == 1,
                "the locked account has no counter for this client");
        }
    }

    private static async Task<bool> HasCountersAsync(WaymarkDbContext db) =>
        await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'sign_in_counter'").SingleAsync() == 1;

    private static async Task ClearResetEmailsAsync(string connection, string email)
    {
        await using var db = Database.Open(connection);
        await db.OutboxMessages.Where(m => m.Recipient == email).ExecuteDeleteAsync();
    }

    private static void Require(bool condition, string otherwise)
    {
        if (!condition)
        {
            throw new InvalidOperationException(otherwise);
        }
    }

    private static void Say(string line)
    {
        Console.WriteLine(line);
        Console.Out.Flush();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
