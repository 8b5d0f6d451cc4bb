using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using QRCoder;

namespace Waymark.Web.Accounts;

/// <summary>
/// Text drawn as a QR code in an inline SVG, made on the server: the page asks no other site for an image. One path
/// of black squares on white, sized by CSS, with a title that screen readers read.
/// </summary>
public static class QrCodeSvg
{
    public static IHtmlContent Draw(string text, string id, string description)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (rows[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }
        var e = HtmlEncoder.Default;
        return new HtmlString(
            $"<svg class=\"qr-code\" id=\"{e.Encode(id)}\" role=\"img\" aria-labelledby=\"{e.Encode(id)}-title\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">"
            + $"<title id=\"{e.Encode(id)}-title\">{e.Encode(description)}</title>"
            + $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>");
    }
}
