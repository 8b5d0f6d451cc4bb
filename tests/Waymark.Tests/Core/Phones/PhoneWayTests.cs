using Waymark.Core.Directory;

namespace Waymark.Tests.Core.Phones;

public sealed class PhoneWayTests
{
    private static Phone Number(string number, string? description = null, string? type = null) =>
        new() { Number = number, Description = description, Type = type };

    [Theory]
    [InlineData("0808 157 0258", "Call this number free", null, false, "Call", "tel:08081570258")]
    [InlineData("+44 113 496 0001", null, "voice", false, "Call", "tel:+441134960001")]
    [InlineData("07700 900387", "Text this number", null, false, "Text", "sms:07700900387")]
    [InlineData("07700 900387", null, "text", false, "Text", "sms:07700900387")]
    [InlineData("07700 900387", null, "SMS", false, "Text", "sms:07700900387")]
    [InlineData("07700 900387", null, null, true, "Text", "sms:07700900387")]
    [InlineData("0114 496 0730", "Texture of the day: call us", null, false, "Call", "tel:01144960730")]
    public void A_number_is_called_or_texted_as_its_listing_says(string number, string? description, string? type, bool textNotPhone, string verb, string href)
    {
        var way = PhoneWay.Of(Number(number, description, type), textNotPhone);
        Assert.Equal((verb, number, href), (way.Verb, way.Number, way.Href));
    }
}
