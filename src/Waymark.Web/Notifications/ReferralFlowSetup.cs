using Waymark.Core.Notifications;
using Waymark.Core.Referrals;

namespace Waymark.Web.Notifications;

public static class ReferralFlowSetup
{
    /// <summary>
    /// What keeps referrals moving: the notifier (its sender is chosen with the outbox, in AddWaymarkReferrals), navigator
    /// and onward referrals, and the background job that flags overdue referrals and checks in with people waiting.
    /// </summary>
    public static IServiceCollection AddReferralFlow(this IServiceCollection services, IConfiguration configuration)
    {
        var options = NotificationOptions.FromConfiguration(configuration);
        services.AddSingleton(options);
        services.AddSingleton(new NotificationSettings(options.PublicUrl));
        services.AddScoped<IPersonContact, ReferralPersonContact>();
        services.AddScoped<ReferralNotifier>();
        services.AddScoped<ReferralSuggestions>();
        services.AddScoped<AddressReferrals>();
        services.AddScoped<NavigatorReferrals>();
        services.AddScoped<OnwardReferrals>();
        services.AddScoped<ReferralFollowUps>();
        if (options.FollowUpsRun)
        {
            services.AddHostedService<ReferralFollowUpService>();
        }
        return services;
    }
}
