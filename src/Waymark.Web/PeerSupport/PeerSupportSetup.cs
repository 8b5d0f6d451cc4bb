using Waymark.Core.PeerSupport;

namespace Waymark.Web.PeerSupport;

public static class PeerSupportSetup
{
    /// <summary>The care of peer supporters: their records, the one load count and the one assignment gate.</summary>
    public static IServiceCollection AddWaymarkPeerSupport(this IServiceCollection services)
    {
        services.AddSingleton<PeerSupportText>();
        services.AddScoped<PeerSupportAccess>();
        services.AddScoped<PeerSupportLoad>();
        services.AddScoped<AssignmentGate>();
        services.AddScoped<PeerSupportRecords>();
        services.AddScoped<HardMoments>();
        return services;
    }
}
