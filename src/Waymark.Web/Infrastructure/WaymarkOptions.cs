using Waymark.Core.Data;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// The settings a deployment chooses, read from configuration (environment variables such as
/// WAYMARK_DATABASE, WAYMARK_SAMPLE_DATA and WAYMARK_EXIT_URL); a bad value stops the app on start with a clear message.
/// </summary>
public sealed class WaymarkOptions
{
    public const string SampleYorkshireAndHumber = "yorkshire-and-humber";
    public const string SampleNone = "none";

    /// <summary>Where "Exit this page" goes: a neutral site that says nothing about what the person was reading.</summary>
    public static readonly Uri DefaultExitUrl = new("https://www.bbc.co.uk/weather");

    public string Database { get; set; } = Core.Data.Database.DefaultConnection;

    /// <summary>
    /// A PostgreSQL standby (or several hosts with <c>Target Session Attributes=prefer-standby</c>) that commissioner
    /// reports and the ORUK API read from (WAYMARK_DATABASE_READ); null reads from <see cref="Database"/>.
    /// </summary>
    public string? ReadDatabase { get; set; }

    /// <summary><c>yorkshire-and-humber</c> seeds the fictional sample on first run; <c>none</c> never does.</summary>
    public string SampleData { get; set; } = SampleYorkshireAndHumber;

    public Uri ExitUrl { get; set; } = DefaultExitUrl;

    /// <summary>The TLS proxies whose forwarded headers are believed (WAYMARK_TRUSTED_PROXIES); none by default.</summary>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; set; } = [];

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
        var exitUrl = DefaultExitUrl;
        if (configuration["WAYMARK_EXIT_URL"] is { Length: > 0 } exit)
        {
            if (!Uri.TryCreate(exit, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidOperationException($"WAYMARK_EXIT_URL must be an absolute http or https address such as {DefaultExitUrl}, not '{exit}'.");
            }
            exitUrl = parsed;
        }
        var proxies = Infrastructure.TrustedProxies.Parse(configuration[Infrastructure.TrustedProxies.Setting]);
        var read = ReadConnection(configuration["WAYMARK_DATABASE_READ"], provider);
        return new WaymarkOptions { Database = database, ReadDatabase = read, SampleData = sample, ExitUrl = exitUrl, TrustedProxies = proxies };
    }

    private static string? ReadConnection(string? read, DatabaseProvider provider)
    {
        if (string.IsNullOrWhiteSpace(read))
        {
            return null;
        }
        const string Problem = "WAYMARK_DATABASE_READ must be a PostgreSQL connection string (Host=…) for a standby, and needs WAYMARK_DATABASE on PostgreSQL too";
        if (provider != DatabaseProvider.Postgres || Core.Data.Database.ProviderOf(read) != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(Problem + ".");
        }
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(read);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{Problem}: {e.Message}", e);
        }
        return read;
    }
}
