using Waymark.Core.Notifications;

namespace Waymark.Tests.Core.Notifications;

/// <summary>The one email rule: a plain name@domain.tld, nothing around or inside it that could become a header.</summary>
public sealed class EmailAddressTests
{
    public static TheoryData<string> Bad => new()
    {
        "jo@example.org\r\nBcc: everyone@example.org",
        "jo@example.org\nBcc: everyone@example.org",
        "jo@example.org\rX: y",
        "jo\r\n@example.org",
        "jo@exa\u0000mple.org",
        "jo@exa mple.org",
        "jo bloggs@example.org",
        "Jo Bloggs <jo@example.org>",
        "\"jo\"@example.org",
        "jo(comment)@example.org",
        "jo@example.org, ann@example.org",
        "jo@@example.org",
        "jo@ann@example.org",
        "@example.org",
        "jo@",
        "jo@example",
        "jo@example.",
        "jo@.example.org",
        "jo@example..org",
        "jo@-example.org",
        "jo@example-.org",
        "jo@[127.0.0.1]",
        "jo@127.0.0.1",
        ".jo@example.org",
        "jo.@example.org",
        "jo..bloggs@example.org",
        new string('j', 65) + "@example.org",
        "jo@" + new string('e', 64) + ".org",
        "jo@" + string.Join('.', Enumerable.Repeat(new string('e', 60), 5)) + ".org",
        "",
        " ",
    };

    public static TheoryData<string> Good => new()
    {
        "jo@example.org",
        "Jo.Bloggs+waymark@example.co.uk",
        "o'brien@example.ie",
        "first_last-1@sub.example.org",
        "zoë@exämple.de",
        "jo@xn--bcher-kva.example",
        new string('j', 64) + "@example.org",
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Refused(string text)
    {
        Assert.False(EmailAddress.IsValid(text));
        Assert.False(EmailAddress.TryNormalise(text, out _));
    }

    [Theory]
    [MemberData(nameof(Good))]
    public void Accepted(string text)
    {
        Assert.True(EmailAddress.IsValid(text));
        Assert.True(EmailAddress.TryNormalise("  " + text + " ", out var address));
        Assert.Equal(text, address);
    }
}
