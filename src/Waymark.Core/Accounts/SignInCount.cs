namespace Waymark.Core.Accounts;

/// <summary>One counter as this attempt left it: its place in the count, and whether a lock or the owner's mark was on it.</summary>
public sealed record SignInCount(int Failures, int Lockouts, bool Locked, bool Known);
