using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Services;

/// <summary>A helpline's page: its way in is to call or text it, never "Refer yourself" (issue 12 point 4).</summary>
public sealed class HelplinePageTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    private async Task<HtmlPage> AddAndGetAsync(ServiceBuilder service)
    {
        await app.AddServicesAsync(service);
        using var client = app.CreateClient();
        return await HtmlPage.GetAsync(client, $"/services/{service.Id}");
    }

    [Fact]
    public async Task A_helpline_is_called_not_referred_to()
    {
        var page = await AddAndGetAsync(new ServiceBuilder("Calder night line")
            .WithTerm("delivery:phone").WithTerm("format:helpline").WithTerm("access:no-referral")
            .WithPhone("0808 157 0999", "Call this number free"));

        Assert.Null(page.Document.GetElementById("refer-yourself"));
        Assert.DoesNotContain("Refer yourself", page.Document.GetElementById("main-content")!.TextContent, StringComparison.Ordinal);
        var call = page.Document.QuerySelector("#contacts a[href='tel:08081570999']")!;
        Assert.StartsWith("Call 0808 157 0999", call.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_line_is_texted_with_an_sms_link_not_called()
    {
        var page = await AddAndGetAsync(new ServiceBuilder("Calder text line")
            .WithTerm("delivery:text").WithTerm("format:helpline").WithTerm("access:self-referral")
            .WithPhone("07700 900222", "Text this number"));

        Assert.Null(page.Document.GetElementById("refer-yourself"));
        var text = page.Document.QuerySelector("#contacts a[href='sms:07700900222']")!;
        Assert.StartsWith("Text 07700 900222", text.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#contacts a[href^='tel:']"));
    }

    [Fact]
    public async Task A_service_that_is_not_a_helpline_still_offers_refer_yourself()
    {
        var page = await AddAndGetAsync(new ServiceBuilder("Calder peer group").WithTerm("access:self-referral"));
        Assert.NotNull(page.Document.GetElementById("refer-yourself"));
    }
}
