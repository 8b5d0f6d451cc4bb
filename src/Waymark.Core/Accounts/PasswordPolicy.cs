using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Waymark.Core.Accounts;

/// <summary>
/// Password rules from the NCSC's guidance: a long minimum length, a block-list of the 100,000 passwords most seen in
/// breaches (common-passwords.txt, see SOURCES.md beside it) and of patterns, no composition rules and no forced expiry.
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

    /// <summary>Words of this service's own context, which make a password easy to guess here (NIST SP 800-63B).</summary>
    public static readonly IReadOnlyList<string> ContextWords = ["waymark", "selfharm", "self-harm", "self harm"];

    /// <summary>
    /// Keyboard rows and columns, and alphabetical and numerical order, read either way: a password made only of runs
    /// along these (three characters or more each) is a pattern, not a secret.
    /// </summary>
    private static readonly string[] Sequences =
    [
        "abcdefghijklmnopqrstuvwxyz", "01234567890123456789", "`1234567890-=", "qwertyuiop[]", "asdfghjkl;'#", "\\zxcvbnm,./",
        "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn", "qwertzuiopasdfghjklyxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/", "qazwsxedcrfvtgbyhnujmikolp", "1q2w3e4r5t6y7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0",
    ];

    /// <summary>
    /// True when the password is easy to guess: a common password (alone, or with digits and symbols around it), a
    /// shorter password repeated, made only of runs along the keyboard or the alphabet, or the service's name or the
    /// account's email address with little else.
    /// </summary>
    public static bool IsGuessable(string password, string? email = null)
    {
        var lower = password.Trim().ToLowerInvariant();
        // Twelve spaces pass the length rule and are nothing at all.
        if (lower.Length == 0 || IsWeak(lower))
        {
            return true;
        }
        var address = email?.Trim().ToLowerInvariant() ?? "";
        var emailName = address.Split('@')[0];
        string[] context = [.. ContextWords, address, emailName.Length >= 4 ? emailName : ""];
        var rest = lower;
        foreach (var word in context.Where(w => w.Length > 0).OrderByDescending(w => w.Length))
        {
            rest = rest.Replace(word, "", StringComparison.Ordinal);
        }
        // What is left besides the service's name and the email address must be worth guessing by itself.
        return rest.Length < lower.Length && (Core(rest).Length < 8 || IsWeak(rest.Trim()));
    }

    /// <summary>True when the password is a common one, or a common one with only digits, symbols or spaces around it.</summary>
    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        return Common.Contains(lower) || Core(lower) is { Length: > 0 } core && Common.Contains(core);
    }

    private static bool IsWeak(string lower) => IsCommon(lower) || IsRepeated(lower) || IsRuns(lower);

    // The letters in the middle: "!!Password2024" → "password".
    private static string Core(string lower)
    {
        var span = lower.AsSpan();
        var start = 0;
        while (start < span.Length && !char.IsLetter(span[start]))
        {
            start++;
        }
        var end = span.Length;
        while (end > start && !char.IsLetter(span[end - 1]))
        {
            end--;
        }
        return lower[start..end];
    }

    // A shorter password over and over ("iloveyouiloveyou", "abcabcabcabc") is no longer than the part repeated.
    private static bool IsRepeated(string lower)
    {
        if (lower.Length < 2)
        {
            return false;
        }
        var period = (lower + lower).IndexOf(lower, 1, StringComparison.Ordinal);
        return period < lower.Length && period < MinimumLength;
    }

    // Covered end to end by runs of three or more: one character repeated ("aaaa"), or a stretch of a sequence read
    // either way ("123456789012", "abcdefghijkl", "qwertyuiopasdf", "1qaz2wsx3edc", "zyxwvu" + "321").
    private static bool IsRuns(string lower)
    {
        if (lower.Length < 3)
        {
            return false;
        }
        var reached = new bool[lower.Length + 1];
        reached[0] = true;
        for (var start = 0; start < lower.Length; start++)
        {
            if (!reached[start])
            {
                continue;
            }
            // A longer stretch is a run only if the shorter one is, so stop at the first that is not.
            for (var end = start + 3; end <= lower.Length && IsRun(lower.AsSpan(start, end - start)); end++)
            {
                reached[end] = true;
            }
        }
        return reached[lower.Length];
    }

    private static bool IsRun(ReadOnlySpan<char> piece)
    {
        if (!piece.ContainsAnyExcept(piece[0]))
        {
            return true;
        }
        Span<char> reversed = piece.Length <= 256 ? stackalloc char[piece.Length] : new char[piece.Length];
        piece.CopyTo(reversed);
        reversed.Reverse();
        foreach (var sequence in Sequences)
        {
            if (sequence.AsSpan().IndexOf(piece, StringComparison.Ordinal) >= 0 || sequence.AsSpan().IndexOf(reversed, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }
        return false;
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

/// <summary>Refuses passwords that are easy to guess (<see cref="PasswordPolicy.IsGuessable"/>), with one kind answer.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<WaymarkUser>
{
    public const string Message = "Choose a password that is harder to guess: this one is very common, follows a pattern, or uses our name or your email address. Try three random words.";

    public Task<IdentityResult> ValidateAsync(UserManager<WaymarkUser> manager, WaymarkUser user, string? password) =>
        Task.FromResult(string.IsNullOrEmpty(password) || !PasswordPolicy.IsGuessable(password, user.Email)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = Message }));
}
