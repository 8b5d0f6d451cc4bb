using Waymark.Core.Data;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// The settings a deployment chooses, read from configuration (environment variables such as
/// WAYMARK_DATABASE and WAYMARK_SAMPLE_DATA); a bad value stops the app on start with a clear message.
/// </summary>
public sealed class WaymarkOptions
{
    public const string SampleYorkshireAndHumber = "yorkshire-and-humber";
    public const string SampleNone = "none";

    public string Database { get; set; } = Core.Data.Database.DefaultConnection;

    /// <summary><c>yorkshire-and-humber</c> seeds the fictional sample on first run; <c>none</c> never does.</summary>
    public string SampleData { get; set; } = SampleYorkshireAndHumber;

    public DatabaseProvider Provider => Core.Data.Database.ProviderOf(Database);

    public bool ShowsSampleData => SampleData == SampleYorkshireAndHumber;

    public static WaymarkOptions FromConfiguration(IConfiguration configuration)
    {
        var database = Core.Data.Database.ConnectionFromEnvironment(configuration["WAYMARK_DATABASE"]);
        var provider = Core.Data.Database.ProviderOf(database);
        // A real deployment on PostgreSQL must not show fictional services unless someone asks for them.
        var sample = configuration["WAYMARK_SAMPLE_DATA"] is { Length: > 0 } s
            ? s
            : provider == DatabaseProvider.Postgres ? SampleNone : SampleYorkshireAndHumber;
        if (sample is not (SampleYorkshireAndHumber or SampleNone))
        {
            throw new InvalidOperationException($"WAYMARK_SAMPLE_DATA must be '{SampleYorkshireAndHumber}' or '{SampleNone}', not '{sample}'.");
        }
        return new WaymarkOptions { Database = database, SampleData = sample };
    }
}
