using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// Behind a TLS proxy every request arrives from the proxy's address over plain http. With the proxy's addresses or
/// networks in WAYMARK_TRUSTED_PROXIES, X-Forwarded-For and X-Forwarded-Proto from those addresses (and only those) are
/// believed, so the client's own address is what the rate limits key on and the scheme is https. Off by default: a
/// forwarded header from anyone else is ignored.
/// </summary>
internal static class TrustedProxies
{
    public const string Setting = "WAYMARK_TRUSTED_PROXIES";

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, WaymarkOptions options)
    {
        if (options.TrustedProxies.Count == 0)
        {
            return app;
        }
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Each hop is believed only while it comes from a trusted proxy, so a chain of them works.
            ForwardLimit = null,
        };
        // The defaults trust loopback; only what the deployment names is trusted.
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var network in options.TrustedProxies)
        {
            forwarded.KnownIPNetworks.Add(network);
        }
        return app.UseForwardedHeaders(forwarded);
    }

    /// <summary>A comma list of addresses (<c>10.0.0.5</c>, <c>::1</c>) and networks (<c>10.0.0.0/8</c>).</summary>
    public static IReadOnlyList<System.Net.IPNetwork> Parse(string? text)
    {
        var networks = new List<System.Net.IPNetwork>();
        foreach (var item in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (System.Net.IPNetwork.TryParse(item, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(item, out var address))
            {
                networks.Add(new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                throw new InvalidOperationException($"{Setting} must be a comma list of IP addresses or networks, such as 10.0.0.5, 10.1.0.0/16, not '{item}'.");
            }
        }
        return networks;
    }
}
