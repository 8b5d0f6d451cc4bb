using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Waymark.Tests.Infrastructure;

/// <summary>Throwaway key-protection certificates (WAYMARK_KEY_CERTIFICATE), made on the spot.</summary>
public static class TestCertificates
{
    /// <summary>A self-signed RSA certificate with its private key, written into <paramref name="folder"/> as a PFX or as one PEM file.</summary>
    public static string Write(string folder, string format = "pfx", string? password = null)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Waymark key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, $"key-ring-{Guid.NewGuid():N}.{format}");
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
}
