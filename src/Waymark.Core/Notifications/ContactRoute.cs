namespace Waymark.Core.Notifications;

/// <summary>Where to send a message: a channel ("email" or "sms") and an address on it.</summary>
public sealed record ContactRoute(string Channel, string Address);
