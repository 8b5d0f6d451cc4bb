using Waymark.Core.Safety;

namespace Waymark.Core.Screening;

/// <summary>What the author is told, in plain words, when the screener turns a post away or suggests kinder words.</summary>
public static class AuthorMessages
{
    /// <summary>For a rejected post (R4): why, without blame, and where to get support now — the crisis card's own contacts.</summary>
    public static string Rejected { get; } =
        "We can't put this on the wall, because words like these could lead someone who is struggling to hurt " +
        "themselves. We know you might be going through a lot yourself, and you deserve support too. " +
        string.Join(" ", CrisisContacts.CardContacts.Select(c => c.Action.TrimEnd('.') + ".")) +
        " You can change what you wrote and try again.";

    /// <summary>For stigmatising words (R8): a suggestion, never a telling-off.</summary>
    public const string KinderWords =
        "Some words can hurt people who have been through this. You could say \"died by suicide\" or \"took their own " +
        "life\" rather than \"committed suicide\", and \"looking for help\" rather than \"attention seeking\".";
}
