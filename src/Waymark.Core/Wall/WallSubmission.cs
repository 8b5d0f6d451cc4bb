using Waymark.Core.Screening;

namespace Waymark.Core.Wall;

/// <summary>What happened to what someone just wrote, and what they are told at once.</summary>
public sealed record WallSubmission(WallItem Item, ScreeningResult Screening, string Message)
{
    /// <summary>Urgent: show the crisis card with the message.</summary>
    public bool ShowsCrisisCard => Item.IsUrgent;
}

/// <summary>Something the author must change before it can be sent; <see cref="Field"/> names the form field.</summary>
public sealed class WallInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
