using Waymark.Core.Screening;
using Waymark.Core.Wall;

namespace Waymark.Web.Wall;

public static class WallSetup
{
    /// <summary>The peer-support wall: its settings (section <c>Wall</c>, checked on start), the screener, writing, reading and moderation.</summary>
    public static IServiceCollection AddWaymarkWall(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new WallOptions();
        configuration.GetSection("Wall").Bind(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The wall's settings are wrong: " + string.Join(" ", errors));
        }
        services.AddSingleton(options);
        services.AddSingleton(PostScreener.Default);
        services.AddSingleton<WallText>();
        services.AddScoped<WallService>();
        services.AddScoped<WallNotifier>();
        services.AddScoped<SavedReaderChoices>();
        services.AddScoped<WallModeration>();
        return services;
    }
}
