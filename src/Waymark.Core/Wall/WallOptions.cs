namespace Waymark.Core.Wall;

/// <summary>The wall's settings (configuration section <c>Wall</c>), checked on start by <see cref="Validate"/>.</summary>
public sealed class WallOptions
{
    /// <summary>
    /// Let posts the screener would publish (or publish with a warning) go live without a moderator. Off until a
    /// future blind set shows the screener can be trusted; even then new members' first posts, posts outside
    /// moderated hours and anything the screener did not pass are held.
    /// </summary>
    public bool PublishWithoutReview { get; set; }

    /// <summary>Moderated hours, UK time. A closing time of 00:00 means midnight.</summary>
    public TimeOnly OpensAt { get; set; } = new(8, 0);
    public TimeOnly ClosesAt { get; set; } = new(0, 0);

    /// <summary>How soon, inside moderated hours, a moderator picks up an urgent post.</summary>
    public int UrgentTargetMinutes { get; set; } = 15;

    /// <summary>A new member's first posts are always held, whatever the setting above.</summary>
    public int FirstPostsHeld { get; set; } = 3;

    /// <summary>Reports from this many different readers hide a published item until a moderator looks again.</summary>
    public int ReportsToHide { get; set; } = 3;

    /// <summary>The queue prompts a break after this long, or this many items, without one.</summary>
    public int BreakAfterMinutes { get; set; } = 60;
    public int BreakAfterItems { get; set; } = 30;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (OpensAt == ClosesAt)
        {
            errors.Add("Wall:OpensAt and Wall:ClosesAt must differ (moderated hours cannot be empty).");
        }
        if (UrgentTargetMinutes is < 1 or > 24 * 60)
        {
            errors.Add("Wall:UrgentTargetMinutes must be between 1 and 1440.");
        }
        if (FirstPostsHeld is < 0 or > 100)
        {
            errors.Add("Wall:FirstPostsHeld must be between 0 and 100.");
        }
        if (ReportsToHide is < 1 or > 100)
        {
            errors.Add("Wall:ReportsToHide must be between 1 and 100.");
        }
        if (BreakAfterMinutes < 1 || BreakAfterItems < 1)
        {
            errors.Add("Wall:BreakAfterMinutes and Wall:BreakAfterItems must be at least 1.");
        }
        return errors;
    }
}
