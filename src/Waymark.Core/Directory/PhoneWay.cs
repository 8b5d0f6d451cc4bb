namespace Waymark.Core.Directory;

/// <summary>How to reach a listed number, in words and as a link: "Call" with a tel: link, or "Text" with an sms: link.</summary>
public sealed record PhoneWay(string Verb, string Number, string Href)
{
    /// <summary>
    /// A number is for texting when its ORUK <c>type</c> says so, when its description says "Text …", or when the service
    /// takes part by text and not by phone; otherwise it is called. A text line offered as "Call" would not work.
    /// </summary>
    public static PhoneWay Of(Phone phone, bool textNotPhone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var text = textNotPhone
            || phone.Type is { } type && (type.Equals("text", StringComparison.OrdinalIgnoreCase) || type.Equals("sms", StringComparison.OrdinalIgnoreCase))
            || phone.Description is { } description && description.TrimStart().StartsWith("Text ", StringComparison.OrdinalIgnoreCase);
        var dialled = new string([.. phone.Number.Where(c => char.IsAsciiDigit(c) || c == '+')]);
        return text ? new PhoneWay("Text", phone.Number, "sms:" + dialled) : new PhoneWay("Call", phone.Number, "tel:" + dialled);
    }
}
