namespace Waymark.Core.Groups;

/// <summary>A refused change to a group session: each problem with the form field it is about, as a sentence for the provider.</summary>
public sealed class GroupSessionException : Exception
{
    public GroupSessionException(IReadOnlyList<(string Field, string Message)> errors)
        : base(errors.Count == 0 ? "The session was refused." : errors[0].Message)
    {
        Errors = errors;
    }

    public GroupSessionException(string field, string message)
        : this([(field, message)])
    {
    }

    public GroupSessionException()
        : this([])
    {
    }

    public GroupSessionException(string message)
        : this(AboutTheSession, message)
    {
    }

    public GroupSessionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [(AboutTheSession, message)];
    }

    /// <summary>The field of a problem with the session itself (cancelled, started), which no form field could put right.</summary>
    public const string AboutTheSession = "";

    public IReadOnlyList<(string Field, string Message)> Errors { get; }
}
