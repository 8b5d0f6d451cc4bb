using Microsoft.Extensions.DependencyInjection.Extensions;
using Waymark.Core.Data;
using Waymark.Core.Matching;
using Waymark.Core.Outbox;
using Waymark.Core.Referrals;
using Waymark.Web.Notifications;

namespace Waymark.Web.Referrals;

public static class ReferralsSetup
{
    /// <summary>Data Protection with its key ring in the database, the referral service, and the outbox relay with its sender.</summary>
    public static IServiceCollection AddWaymarkReferrals(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Keys in the database, encrypted by WAYMARK_KEY_CERTIFICATE (required in Production; see KeyRing).
        services.AddWaymarkDataProtection(configuration, environment);
        services.AddSingleton<ReferralText>();
        services.AddScoped<ReferralService>();

        // Measured waits replace "no measured waits" (AddMatching's default) for matching and service pages.
        services.AddSingleton<MeasuredReferralWaits>();
        services.Replace(ServiceDescriptor.Singleton<IReferralWaits>(sp => sp.GetRequiredService<MeasuredReferralWaits>()));
        services.AddHostedService<ReferralWaitsRefresher>();

        var outbox = OutboxOptions.FromConfiguration(configuration);
        services.AddSingleton(outbox);
        // NotificationOptions is read once and checked on start, by AddReferralFlow.
        services.AddSingleton(sp => ChooseSender(sp.GetRequiredService<NotificationOptions>(), outbox));
        // Whichever sender is configured now, the folder may hold files from when it was the folder sender.
        services.AddSingleton<IDeliveredMessageCopies, FolderOutboxCopies>();
        services.AddSingleton<OutboxRelay>();
        if (outbox.RelayRuns)
        {
            services.AddHostedService<OutboxRelayService>();
        }
        return services;
    }

    /// <summary>The one place the outbox's sender is chosen: GOV.UK Notify or SMTP when configured, else files in a folder.</summary>
    private static IOutboxSender ChooseSender(NotificationOptions notifications, OutboxOptions outbox) => notifications.Sender switch
    {
        NotificationOptions.GovukNotify => new GovukNotifySender(notifications.Notify!),
        NotificationOptions.Smtp => new SmtpSender(notifications.SmtpServer!),
        _ => new FolderOutboxSender(outbox.Folder),
    };
}
