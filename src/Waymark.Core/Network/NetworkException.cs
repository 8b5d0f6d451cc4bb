namespace Waymark.Core.Network;

/// <summary>A refused change between organisations, with a sentence that says why.</summary>
public sealed class NetworkException(string message) : Exception(message);
