using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Listings;
using Waymark.Core.People;

namespace Waymark.Web.Accounts;

public static class AccountsSetup
{
    public const string CookieName = "waymark-session";

    /// <summary>Identity, cookies, the staff policies (authenticator required), and rate limits on sign-in and reports.</summary>
    public static IServiceCollection AddWaymarkAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddIdentity<WaymarkUser, IdentityRole<Guid>>(o =>
            {
                PasswordPolicy.Apply(o.Password);
                // Wrong tries are counted and locked by SignInAttempts, not by Identity's count on the user row.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                // People make their own accounts; an address must be shown to be theirs before it is used to sign in.
                o.SignIn.RequireConfirmedEmail = true;
                o.Stores.SchemaVersion = WaymarkDbContext.IdentitySchema;
                o.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<WaymarkDbContext>()
            .AddUserStore<WaymarkUserStore>()
            .AddSignInManager<WaymarkSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.ProviderName)
            // After the defaults: takes over their authenticator provider's name, so every code is checked as single-use.
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.ProviderName)
            .AddPasswordValidator<CommonPasswordValidator>();

        // Reset links live an hour; the email-confirmation links keep the default day.
        services.Configure<PasswordResetTokenProviderOptions>(o =>
        {
            o.Name = PasswordResetTokenProvider.ProviderName;
            o.TokenLifespan = PasswordReset.LinkLifetime;
        });
        // A new security stamp (a password reset) ends the account's other sessions at their next request,
        // not up to 30 minutes later. The refreshed sign-in keeps its "signed in with an authenticator" mark.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
                {
                    foreach (var amr in current.FindAll("amr").Where(c => !identity.HasClaim("amr", c.Value)))
                    {
                        identity.AddClaim(new Claim("amr", amr.Value));
                    }
                }
                return Task.CompletedTask;
            };
        });

        // Local development runs on plain http://localhost; everywhere else the cookie is HTTPS-only.
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            // A browser-session cookie whose ticket also lapses after 30 idle minutes, unless a person ticked
            // "Keep me signed in"; either way its server-side session ends it at the latest (SessionCookieEvents).
            o.ExpireTimeSpan = AccountSessions.IdleTimeout;
            o.SlidingExpiration = true;
            o.EventsType = typeof(SessionCookieEvents);
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "waymark-second-step";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff).AddRequirements(new AuthenticatorRequirement()))
            .AddPolicy(Policies.Provider, p => p.RequireRole(Roles.ListingEditors).AddRequirements(new AuthenticatorRequirement()))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin).AddRequirements(new AuthenticatorRequirement()))
            .AddPolicy(Policies.Navigator, p => p.RequireRole(Roles.Navigator).AddRequirements(new AuthenticatorRequirement()))
            .AddPolicy(Policies.Moderator, p => p.RequireRole(Roles.Moderator).AddRequirements(new AuthenticatorRequirement()))
            .AddPolicy(Policies.PeerSupporter, p => p.RequireRole(Roles.PeerSupporter).AddRequirements(new AuthenticatorRequirement()))
            .AddPolicy(Policies.Commissioner, p => p.RequireRole(Roles.Commissioner).AddRequirements(new AuthenticatorRequirement()));
        services.AddSingleton<IAuthorizationHandler, AuthenticatorRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthenticatorSetupRedirect>();
        // PostConfigure: AddRazorPages replaces the conventions collection when its own setup runs.
        services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Provider", Policies.Provider);
            o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            o.Conventions.AuthorizeFolder("/Navigator", Policies.Navigator);
            o.Conventions.AuthorizeFolder("/Moderate", Policies.Moderator);
            o.Conventions.AuthorizeFolder("/Peer", Policies.PeerSupporter);
            o.Conventions.AuthorizeFolder("/Commissioning", Policies.Commissioner);
        });

        var signInsPerMinute = configuration.GetValue("WAYMARK_SIGN_IN_ATTEMPTS_PER_MINUTE", 10);
        var reportsPerHour = configuration.GetValue("WAYMARK_REPORTS_PER_HOUR", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimits.SignIn, ctx => PostsPerAddress(ctx, "sign-in", signInsPerMinute, TimeSpan.FromMinutes(1)));
            o.AddPolicy(RateLimits.Reports, ctx => PostsPerAddress(ctx, "reports", reportsPerHour, TimeSpan.FromHours(1)));
        });

        services.AddScoped<AccountSessions>();
        services.AddScoped<SessionCookieEvents>();
        services.AddSingleton<AuthenticatorSecrets>();
        services.AddScoped<SignInAttempts>();
        services.AddScoped<GuardedSignIn>();
        services.AddHostedService<SignInCounterSweep>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<OrganisationAccess>();
        services.AddScoped<ListingChanges>();
        services.AddScoped<ListingEditor>();
        return services;
    }

    public static WebApplication UseWaymarkAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> PostsPerAddress(HttpContext ctx, string name, int permits, TimeSpan window) =>
        HttpMethods.IsPost(ctx.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter($"{name}:{ctx.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(name);
}
