namespace Waymark.Web.Accounts;

public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Reports = "reports";
}
