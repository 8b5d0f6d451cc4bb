using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Waymark.Core.Accounts;
using Waymark.Core.People;

namespace Waymark.Web.Accounts;

/// <summary>Issues password-reset tokens with their own lifetime (<see cref="PasswordReset.LinkLifetime"/>).</summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider dataProtection, IOptions<PasswordResetTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<WaymarkUser>> logger)
    : DataProtectorTokenProvider<WaymarkUser>(dataProtection, options, logger)
{
    public const string ProviderName = "PasswordReset";
}
