using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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
        var certificate = TestCertificates.Write(_folder, format, password);
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
        var old = TestCertificates.Write(_folder, "pfx", null);
        Guid referralId;
        using (var first = new KeyRingApp(database, Outbox(), old, null))
        {
            referralId = await SelfReferralAsync(first);
        }
        var renewed = TestCertificates.Write(_folder, "pem", null);
        using var rotated = new KeyRingApp(database, Outbox(), renewed, null, previous: old);
        await using var db = rotated.OpenDb();
        var stored = await db.Referrals.Where(r => r.Id == referralId).Select(r => r.ProtectedStory).SingleAsync();
        Assert.StartsWith(Words, rotated.Services.GetRequiredService<ReferralText>().Unprotect(stored), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_will_not_start_without_a_key_certificate_and_says_what_to_set_and_where_to_read_how()
    {
        using var database = new TestDatabase();
        using var app = new KeyRingApp(database, Outbox(), certificatePath: null, password: null, environment: "Production");

        var ex = Assert.Throws<InvalidOperationException>(() => app.Services);
        Assert.Equal(KeyRing.MissingInProduction, ex.Message);
        Assert.Contains(KeyRing.CertificateSetting, ex.Message, StringComparison.Ordinal);
        Assert.Contains("README.md", ex.Message, StringComparison.Ordinal);
        Assert.Contains("openssl", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", false)]
    [InlineData("Staging", true)]
    public async Task Elsewhere_it_starts_without_one_keeping_keys_as_before_and_warns_outside_development(string environment, bool warns)
    {
        using var database = new TestDatabase();
        using var app = new KeyRingApp(database, Outbox(), certificatePath: null, password: null, environment: environment);
        var referralId = await SelfReferralAsync(app);

        await using var db = app.OpenDb();
        Assert.All(await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(), xml => Assert.Contains("<masterKey", xml, StringComparison.Ordinal));
        var stored = await db.Referrals.Where(r => r.Id == referralId).Select(r => r.ProtectedStory).SingleAsync();
        Assert.StartsWith(Words, app.Services.GetRequiredService<ReferralText>().Unprotect(stored), StringComparison.Ordinal);
        Assert.Equal(warns, app.Logs.Any(l => l.Level == LogLevel.Warning && l.Message.Contains("UNENCRYPTED", StringComparison.Ordinal) && l.Message.Contains(KeyRing.CertificateSetting, StringComparison.Ordinal)));
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
        File.WriteAllText(publicOnly, X509CertificateLoader.LoadPkcs12FromFile(TestCertificates.Write(_folder, "pfx", null), null).ExportCertificatePem());
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
}
