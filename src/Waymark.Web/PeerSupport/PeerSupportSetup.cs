using Waymark.Core.PeerSupport;

namespace Waymark.Web.PeerSupport;

public static class PeerSupportSetup
{
    /// <summary>
    /// The care of peer supporters: their records, the one load count, the one assignment gate, and the job that
    /// sends load warnings and overdue-debrief reminders (settings in section <c>PeerSupport</c>, checked on start).
    /// </summary>
    public static IServiceCollection AddWaymarkPeerSupport(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new PeerSupportOptions();
        configuration.GetSection("PeerSupport").Bind(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The peer support settings are wrong: " + string.Join(" ", errors));
        }
        services.AddSingleton(options);
        services.AddSingleton<PeerSupportText>();
        services.AddScoped<PeerSupportAccess>();
        services.AddScoped<PeerSupportLoad>();
        services.AddScoped<AssignmentGate>();
        services.AddScoped<LoadWarnings>();
        services.AddScoped<PeerSupportRecords>();
        services.AddScoped<SharedSupervision>();
        services.AddScoped<HardMoments>();
        services.AddScoped<PeerCareJob>();
        if (options.JobRuns)
        {
            services.AddHostedService<PeerCareService>();
        }
        return services;
    }
}
