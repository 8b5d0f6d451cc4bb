using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Waymark.Core.Data;

/// <summary>
/// The one Data Protection setup every Waymark host uses (the web app today; the CLI does not encrypt or
/// decrypt anything yet, and should call this if it ever does). The key ring lives in the database so every
/// instance and restart can read what another encrypted. Because the keys then sit beside the text they
/// protect, WAYMARK_KEY_CERTIFICATE encrypts each key with a certificate kept elsewhere: a copy of the
/// database alone no longer reveals stories, notes, referral text or authenticator keys. The Production
/// environment refuses to start without it. WAYMARK_KEY_CERTIFICATE_PREVIOUS keeps keys written under the
/// last certificate readable while rotating.
/// </summary>
public static class KeyRing
{
    public const string ApplicationName = "waymark";
    public const string CertificateSetting = "WAYMARK_KEY_CERTIFICATE";
    public const string PasswordSetting = "WAYMARK_KEY_CERTIFICATE_PASSWORD";
    public const string PreviousCertificateSetting = "WAYMARK_KEY_CERTIFICATE_PREVIOUS";
    public const string PreviousPasswordSetting = "WAYMARK_KEY_CERTIFICATE_PREVIOUS_PASSWORD";

    /// <summary>Whether new keys are encrypted at rest, for the start-up warning.</summary>
    public sealed record Protection(bool ByCertificate, string? Thumbprint);

    public static IDataProtectionBuilder AddWaymarkDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<WaymarkDbContext>();
        var current = Load(configuration, CertificateSetting, PasswordSetting);
        var previous = Load(configuration, PreviousCertificateSetting, PreviousPasswordSetting);
        if (current is not null)
        {
            builder.ProtectKeysWithCertificate(current);
            if (previous is not null)
            {
                builder.UnprotectKeysWithAnyCertificate(previous);
            }
        }
        else if (previous is not null)
        {
            throw new InvalidOperationException($"{PreviousCertificateSetting} is only for rotation: set {CertificateSetting} to the new certificate as well.");
        }
        else if (environment.IsProduction())
        {
            throw new InvalidOperationException(MissingInProduction);
        }
        services.AddSingleton(new Protection(current is not null, current?.Thumbprint));
        services.AddHostedService<KeyRingWarning>();
        return builder;
    }

    public static readonly string MissingInProduction =
        $"Waymark will not start in Production without {CertificateSetting}. The keys that decrypt people's stories, notes, "
        + "referral text and authenticator keys are kept in the database, so without a certificate to encrypt them anyone "
        + $"with a copy of the database could read all of it. Set {CertificateSetting} to a PFX file, or a PEM file with the "
        + $"certificate and its RSA private key, kept outside the database ({PasswordSetting} if it has a password). "
        + "README.md, \"Key protection\", shows how to make one with openssl.";

    /// <summary>A PFX (PKCS#12) file, or a PEM file holding the certificate and its private key.</summary>
    internal static X509Certificate2? Load(IConfiguration configuration, string pathSetting, string passwordSetting)
    {
        if (configuration[pathSetting] is not { Length: > 0 } configured)
        {
            return null;
        }
        var path = Database.InCheckout(configured);
        var password = configuration[passwordSetting] is { Length: > 0 } p ? p : null;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{pathSetting} names '{path}', which does not exist.");
        }
        X509Certificate2 certificate;
        try
        {
            var isPem = File.ReadAllText(path).Contains("-----BEGIN", StringComparison.Ordinal);
            certificate = (isPem, password) switch
            {
                (true, null) => X509Certificate2.CreateFromPemFile(path),
                (true, { } pw) => X509Certificate2.CreateFromEncryptedPemFile(path, pw),
                _ => X509CertificateLoader.LoadPkcs12FromFile(path, password),
            };
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"{pathSetting}: could not read a certificate from '{path}' ({ex.Message}). It must be a PFX file, or a PEM file with the certificate and its private key; set {passwordSetting} if it has a password.", ex);
        }
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw new InvalidOperationException($"{pathSetting}: '{path}' has no RSA private key; Data Protection needs one to decrypt its keys.");
        }
        return certificate;
    }
}

/// <summary>
/// Says at start which certificate protects the key ring, or, outside Development (Production does not get this
/// far without one), that it is stored unencrypted.
/// </summary>
internal sealed partial class KeyRingWarning(KeyRing.Protection protection, IHostEnvironment environment, ILogger<KeyRingWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (protection.ByCertificate)
        {
            LogProtected(logger, protection.Thumbprint);
        }
        else if (!environment.IsDevelopment())
        {
            LogUnprotected(logger, KeyRing.CertificateSetting);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Data Protection keys are encrypted with the certificate {Thumbprint}.")]
    private static partial void LogProtected(ILogger logger, string? thumbprint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data Protection keys are stored UNENCRYPTED in the same database as the referral text they protect: anyone with a copy of the database can read that text. Set {Setting} to a PFX or PEM certificate with its private key, kept outside the database.")]
    private static partial void LogUnprotected(ILogger logger, string setting);
}
