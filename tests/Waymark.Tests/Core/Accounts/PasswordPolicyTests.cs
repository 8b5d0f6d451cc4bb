using Waymark.Core.Accounts;

namespace Waymark.Tests.Core.Accounts;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("PASSWORD")]
    [InlineData("passwordpassword")]
    [InlineData("qwertyuiop123")]
    [InlineData("iloveyou2024!!")]
    [InlineData("liverpool1234")]
    public void Common_passwords_and_their_numbered_variants_are_refused(string password) =>
        Assert.True(PasswordPolicy.IsCommon(password));

    [Theory]
    [InlineData("heron lantern orchard")]
    [InlineData("correct-horse-purple-staple")]
    [InlineData("Tr0ub4dor&3xyz")]
    public void Uncommon_passphrases_are_allowed(string password) =>
        Assert.False(PasswordPolicy.IsCommon(password));

    [Fact]
    public void Length_is_the_only_composition_rule()
    {
        var options = new Microsoft.AspNetCore.Identity.PasswordOptions();
        PasswordPolicy.Apply(options);
        Assert.Equal(12, options.RequiredLength);
        Assert.False(options.RequireDigit || options.RequireLowercase || options.RequireUppercase || options.RequireNonAlphanumeric);
        Assert.Equal(1, options.RequiredUniqueChars);
    }
}
