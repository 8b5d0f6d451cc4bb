using AngleSharp;
using AngleSharp.Dom;

namespace Waymark.Tests.Infrastructure;

/// <summary>A page fetched over HTTP from the in-process app, parsed as a browser would.</summary>
public sealed record HtmlPage(HttpResponseMessage Response, IDocument Document, string Markup)
{
    private static readonly IBrowsingContext Browser = BrowsingContext.New(Configuration.Default);

    public static async Task<HtmlPage> GetAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var markup = await response.Content.ReadAsStringAsync();
        var document = await Browser.OpenAsync(req => req.Content(markup).Address(new Uri(client.BaseAddress!, path)));
        PageChecks.ThrowIfAny(document, response.RequestMessage?.RequestUri);
        return new HtmlPage(response, document, markup);
    }

    public string Text(string selector) =>
        Document.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No element matches {selector}");
}
