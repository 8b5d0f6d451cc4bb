using Waymark.Core.Accounts;

namespace Waymark.Tests.Core.Accounts;

public sealed class AuthenticatorSecretsTests
{
    private static readonly string[] Codes = ["B2C3D-F4G5H", "J6K7M-N8P9Q", "R2T3V-W4X5Y"];

    [Fact]
    public void Recovery_codes_are_kept_as_hashes_that_redeem_each_code_once_ignoring_case()
    {
        var stored = AuthenticatorSecrets.HashCodes(Codes);
        Assert.All(Codes, c => Assert.DoesNotContain(c, stored, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, AuthenticatorSecrets.CountCodes(stored));

        var left = AuthenticatorSecrets.Redeem(stored, " j6k7m-n8p9q ");
        Assert.NotNull(left);
        Assert.Equal(2, AuthenticatorSecrets.CountCodes(left));
        Assert.Null(AuthenticatorSecrets.Redeem(left, "J6K7M-N8P9Q"));
        Assert.Null(AuthenticatorSecrets.Redeem(left, "ZZZZZ-ZZZZZ"));
        Assert.NotNull(AuthenticatorSecrets.Redeem(left, Codes[0]));
    }

    [Fact]
    public void Plain_text_codes_as_Identity_stored_them_still_redeem_and_what_is_left_is_hashed()
    {
        var plain = string.Join(';', Codes);
        Assert.Equal(3, AuthenticatorSecrets.CountCodes(plain));

        var left = AuthenticatorSecrets.Redeem(plain, Codes[2]);
        Assert.NotNull(left);
        Assert.Equal(2, AuthenticatorSecrets.CountCodes(left));
        Assert.All(Codes, c => Assert.DoesNotContain(c, left, StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(AuthenticatorSecrets.Redeem(left, Codes[1]));
        Assert.Null(AuthenticatorSecrets.Redeem(left, Codes[2]));
        Assert.Null(AuthenticatorSecrets.Redeem(null, Codes[0]));
    }
}
