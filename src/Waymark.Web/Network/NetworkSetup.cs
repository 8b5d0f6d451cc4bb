using Waymark.Core.Network;
using Waymark.Core.Referrals;

namespace Waymark.Web.Network;

public static class NetworkSetup
{
    /// <summary>Organisations working together: replies to referrers, partnership counts, shared offers and "works with" links.</summary>
    public static IServiceCollection AddWaymarkNetwork(this IServiceCollection services)
    {
        services.AddScoped<ReferralReplies>();
        services.AddScoped<ReferralPartners>();
        services.AddScoped<NetworkNotifier>();
        services.AddScoped<SharedOffers>();
        services.AddScoped<WorksWithLinks>();
        return services;
    }
}
