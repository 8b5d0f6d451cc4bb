using System.Text.Json.Serialization;
using Waymark.Core.People;

namespace Waymark.Web.Accounts;

/// <summary>What one piece of <see cref="AccountWork"/> needs to be done by any node: no more, and never a password.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "job")]
[JsonDerivedType(typeof(SignUpJob), SignUpJob.Kind)]
[JsonDerivedType(typeof(PasswordResetJob), PasswordResetJob.Kind)]
[JsonDerivedType(typeof(SignInRecordJob), SignInRecordJob.Kind)]
public abstract record AccountJob;

/// <summary>Make the account or tell the known address (<see cref="PersonRegistration.RegisterAsync"/>): the address, the password's hash and where the person was going.</summary>
public sealed record SignUpJob(RegistrationRequest Request) : AccountJob
{
    public const string Kind = "sign-up";
}

/// <summary>Send the reset link if the address has an account (<see cref="PasswordReset.SendAsync"/>).</summary>
public sealed record PasswordResetJob(string Email) : AccountJob
{
    public const string Kind = "password-reset";
}

/// <summary>Audit a password sign-in attempt: the account's id (none when the address has no account), when, and how it ended.</summary>
public sealed record SignInRecordJob(Guid? UserId, DateTimeOffset At, string Action, string? Detail) : AccountJob
{
    public const string Kind = "sign-in";
}
