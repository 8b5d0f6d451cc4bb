using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Waymark.Core.Accounts;

/// <summary>
/// Password rules from the NCSC's guidance: a long minimum length, a block-list of the most common
/// passwords, no composition rules and no forced expiry.
/// </summary>
public static class PasswordPolicy
{
    // NCSC: length beats complexity. Twelve characters lets people use three random words, which are
    // easier to remember than short complex strings and much harder to guess.
    public const int MinimumLength = 12;

    /// <summary>Long enough for any passphrase; the cap stops megabyte "passwords" being hashed on every try.</summary>
    public const int MaximumLength = 256;

    private static readonly FrozenSet<string> Common = Load();

    public static void Apply(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        // Composition rules make passwords harder to remember and no harder to guess (NCSC).
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
        options.RequiredUniqueChars = 1;
    }

    /// <summary>True when the password is a common one, or a common one followed only by digits or punctuation.</summary>
    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (Common.Contains(lower))
        {
            return true;
        }
        var stem = lower.TrimEnd("0123456789!?.,-_*#@$£%&+= ".ToCharArray());
        return stem.Length > 0 && stem.Length < lower.Length && Common.Contains(stem);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Waymark.Core.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                set.Add(word.ToLowerInvariant());
            }
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}

/// <summary>Refuses common passwords, one character repeated, and the account's own email address.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<WaymarkUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<WaymarkUser> manager, WaymarkUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var lower = password.Trim().ToLowerInvariant();
        var email = user.Email?.ToLowerInvariant();
        var emailName = email?.Split('@')[0];
        if (PasswordPolicy.IsCommon(password)
            || lower.Distinct().Count() == 1
            || lower == email
            || (emailName is { Length: >= 4 } && lower.TrimEnd("0123456789".ToCharArray()) == emailName))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "Choose a password that is harder to guess: this one is very common. Try three random words.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
