using Microsoft.AspNetCore.Identity;

namespace Waymark.Web.Accounts;

public sealed class PasswordResetTokenProviderOptions : DataProtectionTokenProviderOptions;
