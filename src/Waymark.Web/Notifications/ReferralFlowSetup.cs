using Microsoft.Extensions.DependencyInjection.Extensions;
using Waymark.Core.Notifications;
using Waymark.Core.Outbox;
using Waymark.Core.Referrals;

namespace Waymark.Web.Notifications;

public static class ReferralFlowSetup
{
    /// <summary>
    /// What keeps referrals moving: the notifier and its sender (folder, GOV.UK Notify or SMTP), navigator
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
        switch (options.Sender)
        {
            case NotificationOptions.GovukNotify:
                services.Replace(ServiceDescriptor.Singleton<IOutboxSender>(new GovukNotifySender(options.Notify!)));
                break;
            case NotificationOptions.Smtp:
                services.Replace(ServiceDescriptor.Singleton<IOutboxSender>(new SmtpSender(options.SmtpServer!)));
                break;
            default:
                break; // the folder sender AddWaymarkReferrals registers
        }
        if (options.FollowUpsRun)
        {
            services.AddHostedService<ReferralFollowUpService>();
        }
        return services;
    }
}

/// <summary>Runs the follow-ups on start and then every interval (WAYMARK_FOLLOW_UP_MINUTES), on the app's clock.</summary>
public sealed partial class ReferralFollowUpService(IServiceScopeFactory scopes, NotificationOptions options, TimeProvider time, ILogger<ReferralFollowUpService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.FollowUpInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReferralFollowUps>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Referral follow-ups failed; they will run again.")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
