using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Accounts;

/// <summary>
/// How the second factor's secrets are kept, so that a copy of the database does not give them up: the
/// authenticator key encrypted with Data Protection (its own purpose; the key ring itself is encrypted by
/// WAYMARK_KEY_CERTIFICATE), and recovery codes only as salted hashes, so a typed code can be checked but not
/// read back. Values Identity's default store wrote in plain text are still read, and
/// <see cref="UpgradeStoredAsync"/> rewrites them in these forms.
/// </summary>
public sealed class AuthenticatorSecrets(IDataProtectionProvider provider)
{
    /// <summary>The login provider and token names Identity's user store keeps these under (in <c>account_user_token</c>).</summary>
    public const string StoreProvider = "[AspNetUserStore]";
    public const string KeyName = "AuthenticatorKey";
    public const string CodesName = "RecoveryCodes";

    private const string KeyPrefix = "dp1:";
    private const string CodesPrefix = "pbkdf2-sha256$";

    // Recovery codes carry about 47 bits (ten characters from 26) and are no use without the password; 10,000
    // rounds make guessing them from a copied hash slow without making setting up ten of them slow.
    private const int Iterations = 10_000;
    private const int HashBytes = 32;

    private readonly IDataProtector _keys = provider.CreateProtector("Waymark.Accounts.AuthenticatorKey.v1");

    public string ProtectKey(string key) => KeyPrefix + _keys.Protect(key);

    public string? UnprotectKey(string? stored) =>
        stored is not null && stored.StartsWith(KeyPrefix, StringComparison.Ordinal) ? _keys.Unprotect(stored[KeyPrefix.Length..]) : stored;

    /// <summary>Codes are compared as typed apart from case and surrounding space.</summary>
    public static string Normalise(string code) => code.Trim().ToUpperInvariant();

    /// <summary>One salt for the set, so checking a typed code costs one hash however many codes are left.</summary>
    public static string HashCodes(IEnumerable<string> codes)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return Format(salt, codes.Select(c => Hash(Normalise(c), salt)));
    }

    public static int CountCodes(string? stored) => stored switch
    {
        null or "" => 0,
        _ when stored.StartsWith(CodesPrefix, StringComparison.Ordinal) => Parse(stored).Hashes.Count,
        _ => stored.Split(';').Length, // plain text, as Identity stores them
    };

    /// <summary>The stored set without <paramref name="code"/> (always hashed), or null when the code is not one of them.</summary>
    public static string? Redeem(string? stored, string code)
    {
        if (string.IsNullOrEmpty(stored) || string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        var typed = Normalise(code);
        if (!stored.StartsWith(CodesPrefix, StringComparison.Ordinal))
        {
            var plain = stored.Split(';');
            return plain.Contains(typed, StringComparer.Ordinal) ? HashCodes(plain.Where(c => c != typed)) : null;
        }
        var (salt, hashes) = Parse(stored);
        var candidate = Hash(typed, salt);
        var match = hashes.FindIndex(h => CryptographicOperations.FixedTimeEquals(h, candidate));
        if (match < 0)
        {
            return null;
        }
        hashes.RemoveAt(match);
        return Format(salt, hashes);
    }

    /// <summary>
    /// Rewrites authenticator keys and recovery codes still stored in plain text. Each row changes only if it still
    /// holds what was read, so a code redeemed meanwhile is not brought back. Returns how many rows changed.
    /// </summary>
    public async Task<int> UpgradeStoredAsync(WaymarkDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plain = await db.UserTokens.AsNoTracking()
            .Where(t => t.LoginProvider == StoreProvider && t.Value != null
                && ((t.Name == KeyName && !t.Value.StartsWith(KeyPrefix)) || (t.Name == CodesName && !t.Value.StartsWith(CodesPrefix))))
            .ToListAsync(ct);
        var changed = 0;
        foreach (var row in plain)
        {
            var upgraded = row.Name == KeyName ? ProtectKey(row.Value!) : HashCodes(row.Value!.Split(';', StringSplitOptions.RemoveEmptyEntries));
            changed += await db.UserTokens
                .Where(t => t.UserId == row.UserId && t.LoginProvider == row.LoginProvider && t.Name == row.Name && t.Value == row.Value)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, upgraded), ct);
        }
        return changed;
    }

    private static byte[] Hash(string code, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);

    private static string Format(byte[] salt, IEnumerable<byte[]> hashes) =>
        $"{CodesPrefix}{Iterations}${Convert.ToBase64String(salt)}${string.Join(';', hashes.Select(Convert.ToBase64String))}";

    private static (byte[] Salt, List<byte[]> Hashes) Parse(string stored)
    {
        var parts = stored[CodesPrefix.Length..].Split('$');
        if (parts.Length != 3 || parts[0] != Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("Recovery codes are stored in a form this version does not know.");
        }
        return (Convert.FromBase64String(parts[1]), [.. parts[2].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Convert.FromBase64String)]);
    }
}
