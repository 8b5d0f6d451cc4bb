namespace Waymark.Core.Screening;

/// <summary>What happens to a piece of text, from least to most strict; when several rules match, the strictest wins.</summary>
public enum ScreeningOutcome
{
    /// <summary>Published as written.</summary>
    Publish,

    /// <summary>Published behind a content warning the reader opens.</summary>
    Warn,

    /// <summary>Not public until a moderator has read it.</summary>
    Hold,

    /// <summary>Not published; the author gets a kind explanation and support.</summary>
    Reject,

    /// <summary>Never public: possible imminent risk, first in the moderators' queue, and the author sees crisis help at once.</summary>
    Urgent,
}
