using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waymark.Core.Data;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Web;

/// <summary>
/// WAYMARK_KEY_CERTIFICATE encrypts the Data Protection key ring at rest: the keys in the database are
/// unreadable without the certificate, and referral text written under them still reads back after a restart.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private const string Words = "Please ring after my shift at the bakery";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"waymark-keyring-{Guid.NewGuid():N}");

    public KeyRingTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("pfx", "correct horse battery staple")]
    [InlineData("pem", null)]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_referral_text_still_reads_back_after_a_restart(string format, string? password)
    {
        using var database = new TestDatabase();
        var certificate = WriteCertificate(format, password);
        Guid referralId;
        using (var first = new KeyRingApp(database, Outbox(), certificate, password))
        {
            referralId = await SelfReferralAsync(first);
            await using var db = first.OpenDb();
            var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            });
        }

        // A restart reads the key from the database, which needs the certificate to decrypt it.
        string? stored;
        using (var second = new KeyRingApp(database, Outbox(), certificate, password))
        {
            await using var db = second.OpenDb();
            stored = await db.Referrals.Where(r => r.Id == referralId).Select(r => r.ProtectedStory).SingleAsync();
            Assert.DoesNotContain("bakery", stored, StringComparison.Ordinal);
            Assert.StartsWith(Words, second.Services.GetRequiredService<ReferralText>().Unprotect(stored), StringComparison.Ordinal);
        }

        // Without the certificate, the same database does not give the text up.
        using (var thief = new KeyRingApp(database, Outbox(), certificatePath: null, password: null))
        {
            var text = thief.Services.GetRequiredService<ReferralText>();
            Assert.ThrowsAny<CryptographicException>(() => text.Unprotect(stored));
        }
    }

    [Fact]
    public async Task Rotating_to_a_new_certificate_keeps_text_under_the_old_one_readable()
    {
        using var database = new TestDatabase();
        var old = WriteCertificate("pfx", null);
        Guid referralId;
        using (var first = new KeyRingApp(database, Outbox(), old, null))
        {
            referralId = await SelfReferralAsync(first);
        }
        var renewed = WriteCertificate("pem", null);
        using var rotated = new KeyRingApp(database, Outbox(), renewed, null, previous: old);
        await using var db = rotated.OpenDb();
        var stored = await db.Referrals.Where(r => r.Id == referralId).Select(r => r.ProtectedStory).SingleAsync();
        Assert.StartsWith(Words, rotated.Services.GetRequiredService<ReferralText>().Unprotect(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_setting_keys_are_stored_as_before_and_production_is_warned_at_start()
    {
        using var database = new TestDatabase();
        using var app = new KeyRingApp(database, Outbox(), certificatePath: null, password: null, environment: "Production");
        var referralId = await SelfReferralAsync(app);

        await using var db = app.OpenDb();
        Assert.All(await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(), xml => Assert.Contains("<masterKey", xml, StringComparison.Ordinal));
        var stored = await db.Referrals.Where(r => r.Id == referralId).Select(r => r.ProtectedStory).SingleAsync();
        Assert.StartsWith(Words, app.Services.GetRequiredService<ReferralText>().Unprotect(stored), StringComparison.Ordinal);
        Assert.Contains(app.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("UNENCRYPTED", StringComparison.Ordinal) && l.Message.Contains(KeyRing.CertificateSetting, StringComparison.Ordinal));
    }

    [Fact]
    public void A_certificate_that_is_missing_or_has_no_private_key_stops_the_start_with_a_clear_message()
    {
        using var database = new TestDatabase();
        using (var missing = new KeyRingApp(database, Outbox(), Path.Combine(_folder, "nowhere.pfx"), null))
        {
            var ex = Assert.Throws<InvalidOperationException>(() => missing.Services);
            Assert.Contains(KeyRing.CertificateSetting, ex.Message, StringComparison.Ordinal);
        }
        var publicOnly = Path.Combine(_folder, "public-only.pem");
        File.WriteAllText(publicOnly, X509CertificateLoader.LoadPkcs12FromFile(WriteCertificate("pfx", null), null).ExportCertificatePem());
        using var noKey = new KeyRingApp(database, Outbox(), publicOnly, null);
        Assert.Contains(KeyRing.CertificateSetting, Assert.Throws<InvalidOperationException>(() => noKey.Services).Message, StringComparison.Ordinal);
    }

    private static async Task<Guid> SelfReferralAsync(AccountsApp app)
    {
        var (_, service) = await app.AddReferrableServiceAsync();
        using var person = await app.SignUpAsync();
        return await person.Browser.SelfReferAsync(app, service.Id, Words);
    }

    private string Outbox() => Path.Combine(_folder, "outbox-" + Guid.NewGuid().ToString("N"));

    /// <summary>A self-signed RSA certificate with its private key, as a PFX or as one PEM file.</summary>
    private string WriteCertificate(string format, string? password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Waymark key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, $"key-ring-{Guid.NewGuid():N}.{format}");
        if (format == "pfx")
        {
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        }
        else
        {
            File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem());
        }
        return path;
    }

    private sealed class KeyRingApp(TestDatabase database, string outbox, string? certificatePath, string? password, string? previous = null, string environment = "Testing")
        : AccountsApp(database, outbox, ownsDatabase: false)
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Message)> _logs = new();

        public IReadOnlyCollection<(LogLevel Level, string Message)> Logs => _logs;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            if (certificatePath is not null)
            {
                builder.UseSetting(KeyRing.CertificateSetting, certificatePath);
            }
            if (password is not null)
            {
                builder.UseSetting(KeyRing.PasswordSetting, password);
            }
            if (previous is not null)
            {
                builder.UseSetting(KeyRing.PreviousCertificateSetting, previous);
            }
            builder.ConfigureLogging(logging => logging.AddProvider(new Capture(_logs)));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(OutboxFolder))
            {
                Directory.Delete(OutboxFolder, recursive: true);
            }
        }
    }

    private sealed class Capture(ConcurrentQueue<(LogLevel, string)> logs) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue((logLevel, formatter(state, exception)));

        public void Dispose()
        {
        }
    }
}
