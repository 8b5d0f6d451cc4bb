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
    [InlineData("startfinding")]
    [InlineData("Sojdlg123aljg")]
    [InlineData("2024Liverpool")]
    [InlineData("пароль123456")]
    public void Common_passwords_and_their_numbered_variants_are_refused(string password) =>
        Assert.True(PasswordPolicy.IsCommon(password));

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("zzzzzzzzzzzzzzzzzzzz")]
    [InlineData("abcabcabcabc")]
    [InlineData("123456789012")]
    [InlineData("098765432109")]
    [InlineData("abcdefghijkl")]
    [InlineData("lkjihgfedcba")]
    [InlineData("qwertyuiopasdfgh")]
    [InlineData("poiuytrewqlkjh")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("azertyuiopqsdf")]
    [InlineData("aaaabbbbcccc")]
    [InlineData("asdfghjkl123456")]
    [InlineData("            ")]
    [InlineData("  \t          ")]
    public void Repeats_and_runs_are_guessable(string password) =>
        Assert.True(PasswordPolicy.IsGuessable(password));

    [Theory]
    [InlineData("Waymark2026!", null)]
    [InlineData("WAYMARK-WAYMARK", null)]
    [InlineData("waymarkqwerty1", null)]
    [InlineData("self-harm 2025!!", null)]
    [InlineData("sam.jones@example.org", "sam.jones@example.org")]
    [InlineData("sam.jones1999", "sam.jones@example.org")]
    [InlineData("1999sam.jones!", "Sam.Jones@example.org")]
    public void The_services_name_or_the_email_with_little_else_is_guessable(string password, string? email) =>
        Assert.True(PasswordPolicy.IsGuessable(password, email));

    [Theory]
    [InlineData("heron lantern orchard", null)]
    [InlineData("waymark heron lantern", null)]
    [InlineData("correct-horse-purple-staple", "sam.jones@example.org")]
    [InlineData("Tr0ub4dor&3xyz", null)]
    [InlineData("abc kettle bramble", null)]
    [InlineData("the quick brown fox", null)]
    public void Passphrases_are_not_guessable(string password, string? email) =>
        Assert.False(PasswordPolicy.IsGuessable(password, email));

    [Theory]
    [InlineData("heron lantern orchard")]
    [InlineData("correct-horse-purple-staple")]
    [InlineData("Tr0ub4dor&3xyz")]
    public void Uncommon_passphrases_are_allowed(string password) =>
        Assert.False(PasswordPolicy.IsCommon(password));

    [Fact]
    public void The_list_holds_the_ncsc_top_100000_as_shipped()
    {
        // Entries of 12 characters or more are all kept, so a few from across the published file must be there.
        foreach (var listed in new[] { "1q2w3e4r5t6y7u8i9o0p", "qwertyuiop[]", "temppassword", "international", "123456789987654321", "megaparol12345" })
        {
            Assert.True(PasswordPolicy.IsCommon(listed), listed);
        }
    }

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
