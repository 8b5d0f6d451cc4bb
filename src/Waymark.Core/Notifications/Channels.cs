namespace Waymark.Core.Notifications;

public static class Channels
{
    public const string Email = "email";
    public const string Sms = "sms";
}
