using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Waymark.Tests.Infrastructure;

/// <summary>
/// A person using the site without JavaScript: keeps cookies, fetches a form, and posts it back with its
/// antiforgery token. Redirects are not followed, so tests can assert them.
/// </summary>
public sealed class Browser(HttpClient client, CookieContainer cookies) : IDisposable
{
    // The session cookie is HTTPS-only outside development.
    private static readonly Uri Site = new("https://localhost");

    public HttpClient Client { get; } = client;

    public static Browser For(WebApplicationFactory<Program> app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var cookies = new CookieContainer();
        return new(app.CreateDefaultClient(Site, new CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>The Cookie header this browser sends: what someone who copied its cookies could replay.</summary>
    public string CookieHeader() => cookies.GetCookieHeader(Site);

    /// <summary>The cookie as the server last set it (its expiry included), or null.</summary>
    public Cookie? CookieNamed(string name) => cookies.GetCookies(Site)[name];

    public async Task<Page> GetAsync(string url)
    {
        var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        return await Page.ReadAsync(response);
    }

    /// <summary>Fetches the page, then posts the given fields with the antiforgery token of the form that posts to <paramref name="formAction"/> (or the first form).</summary>
    public async Task<Page> SubmitAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formAction = null)
    {
        var page = await GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} gave {(int)page.Status}");
        return await PostAsync(formAction ?? url, page.AntiforgeryToken(formAction), fields);
    }

    public async Task<Page> PostAsync(string url, string token, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.Append(new("__RequestVerificationToken", token)).ToList();
        using var content = new FormUrlEncodedContent(all);
        var response = await Client.PostAsync(new Uri(url, UriKind.Relative), content);
        return await Page.ReadAsync(response);
    }

    public void Dispose() => Client.Dispose();
}

public sealed class Page
{
    public required HttpStatusCode Status { get; init; }
    public required IHtmlDocument Document { get; init; }
    public required string Html { get; init; }
    public Uri? Location { get; init; }

    public static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        // Every page a test reads through this browser is also checked for what PageChecks asks of every page.
        PageChecks.ThrowIfAny(document, response.RequestMessage?.RequestUri);
        return new Page
        {
            Status = response.StatusCode,
            Html = html,
            Document = document,
            Location = response.Headers.Location,
        };
    }

    public string AntiforgeryToken(string? formAction = null)
    {
        var form = Document.Forms.FirstOrDefault(f => formAction is null || (f.GetAttribute("action") ?? "") == formAction)
            ?? throw new InvalidOperationException($"No form posting to {formAction} on the page.");
        return form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The form has no antiforgery token.");
    }

    public string Text(string selector) => Document.QuerySelector(selector)?.TextContent.Trim() ?? "";

    public IReadOnlyList<string> ErrorSummary() =>
        Document.QuerySelectorAll(".error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    public IReadOnlyList<string> ErrorSummaryLinks() =>
        Document.QuerySelectorAll(".error-summary__list a").Select(a => a.GetAttribute("href") ?? "").ToList();

    public string RedirectPath => Location is null ? "" : Location.IsAbsoluteUri ? Location.PathAndQuery : Location.OriginalString;
}
