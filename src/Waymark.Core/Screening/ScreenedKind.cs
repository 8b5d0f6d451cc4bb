namespace Waymark.Core.Screening;

/// <summary>What the text is. A display name is also checked for a real name (R6) and read as if about self-harm.</summary>
public enum ScreenedKind
{
    Post,
    Reply,
    DisplayName,
}
