namespace Waymark.Web.Match;

/// <summary>A search needs the directory snapshot (to check <c>member_of</c>) before the first load is in: answer 503, not "unknown".</summary>
public sealed class DirectoryNotReadyException() : Exception("The directory is still loading.");
