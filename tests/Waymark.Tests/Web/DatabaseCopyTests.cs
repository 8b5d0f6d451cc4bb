using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.People;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Web;

/// <summary>
/// Someone who copies the database — the SQLite file alone, or every row of the PostgreSQL tables — but not the
/// key certificate finds no story, note, shared referral text, authenticator key or recovery code in it, and the
/// key ring in the copy cannot decrypt them.
/// </summary>
public sealed class DatabaseCopyTests : IDisposable
{
    private const string Notes = "Ring Marguerite on Thursdays";
    private const string Happening = "Since the lambing season everything has felt heavy";
    private const string ReferralWords = "Please write rather than phone, my brother reads my texts";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"waymark-copy-{Guid.NewGuid():N}");

    public DatabaseCopyTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_copy_of_the_database_alone_gives_up_no_story_note_shared_text_or_second_factor_secret()
    {
        using var database = new TestDatabase();
        var certificate = TestCertificates.Write(_folder);
        using var app = new KeyRingApp(database, Path.Combine(_folder, "outbox"), certificate, password: null);

        var (_, service) = await app.AddReferrableServiceAsync();
        using var person = await app.SignUpAsync();
        var b = person.Browser;
        Assert.Equal(HttpStatusCode.Redirect, (await b.SubmitAsync("/my/plan", [new("Notes", Notes)], "/my/plan?handler=Notes")).Status);
        await b.SubmitAsync("/my/story", [new("Input.Happening", Happening), new("Input.WouldLike", "A group")]);
        var sent = await b.SendSelfReferralAsync(service.Id, [.. ReferralBuilders.SelfReferralFields(ReferralWords), new("ShareStory", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        using var staff = await app.SignInAsStaffAsync(Roles.Navigator);
        var key = staff.AuthenticatorKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        string[] secrets = [Notes, Happening, ReferralWords, key, .. staff.RecoveryCodes];

        // What the copy holds, as stored.
        string copy;
        await using (var db = app.OpenDb())
        {
            await DatabaseScan.CheckpointAsync(db);
            if (db.IsPostgres)
            {
                copy = database.Connection;
                Assert.Empty(await DatabaseScan.FindAsync(db, secrets));
            }
            else
            {
                var file = Path.Combine(_folder, "copied.db");
                File.Copy(DatabaseScan.SqliteFile(database.Connection), file);
                copy = $"Data Source={file};Pooling=False";
                Assert.Empty(DatabaseScan.FindInFiles(file, secrets));
            }
        }
        Stored stored;
        await using (var db = Database.Open(copy))
        {
            var profile = await db.PersonProfiles.SingleAsync(p => p.UserId == person.UserId);
            stored = new Stored(
                profile.ProtectedNotes!,
                profile.ProtectedStory!,
                (await db.Referrals.SingleAsync(r => r.PersonUserId == person.UserId)).ProtectedStory!,
                (await db.StoryConsents.SingleAsync(c => c.UserId == person.UserId)).ProtectedShared!,
                await db.UserTokens.Where(t => t.UserId == staff.Account.UserId && t.Name == AuthenticatorSecrets.KeyName).Select(t => t.Value!).SingleAsync());
        }

        // The key ring is in the copy, but without the certificate it opens nothing.
        var thief = ReadWith(copy, certificate: null);
        Assert.ThrowsAny<CryptographicException>(() => thief.Notes(stored));
        Assert.ThrowsAny<CryptographicException>(() => thief.Story(stored));
        Assert.ThrowsAny<CryptographicException>(() => thief.Referral(stored));
        Assert.ThrowsAny<CryptographicException>(() => thief.Shared(stored));
        Assert.ThrowsAny<CryptographicException>(() => thief.Key(stored));

        // With it, the same copy reads back: the values are there, only locked.
        var owner = ReadWith(copy, certificate);
        Assert.Equal(Notes, owner.Notes(stored));
        Assert.Contains(Happening, owner.Story(stored), StringComparison.Ordinal);
        Assert.StartsWith(ReferralWords, owner.Referral(stored), StringComparison.Ordinal);
        Assert.Contains(Happening, owner.Shared(stored), StringComparison.Ordinal);
        Assert.Equal(key, owner.Key(stored));
    }

    private sealed record Stored(string Notes, string Story, string Referral, string Shared, string Key);

    private sealed record Reader(PersonText People, ReferralText Referrals, AuthenticatorSecrets Accounts)
    {
        public string? Notes(Stored s) => People.Unprotect(s.Notes);

        public string? Story(Stored s) => People.Unprotect(s.Story);

        public string? Referral(Stored s) => Referrals.Unprotect(s.Referral);

        public string? Shared(Stored s) => Referrals.Unprotect(s.Shared);

        public string? Key(Stored s) => Accounts.UnprotectKey(s.Key);
    }

    /// <summary>Waymark's own Data Protection set-up over the copy, with or without the certificate.</summary>
    private static Reader ReadWith(string connection, string? certificate)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWaymarkDatabase(connection);
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(certificate is null ? [] : [new(KeyRing.CertificateSetting, certificate)])
            .Build();
        services.AddWaymarkDataProtection(settings, new HostingEnvironment { EnvironmentName = Environments.Development });
        var provider = services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
        return new Reader(new PersonText(provider), new ReferralText(provider), new AuthenticatorSecrets(provider));
    }
}
