using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Waymark.Web.Commissioning;

/// <summary>
/// Small server-drawn SVG charts: no script, nothing fetched from anywhere. Each is an image with a title and a
/// description that points to the table beside it, which carries the same figures for anyone who cannot see it.
/// </summary>
public static class Svg
{
    public sealed record Tile(string Code, string Abbreviation, string Name, int Row, int Col, double? Value, string ValueText, bool Flagged);

    public sealed record Bar(string Label, double? Value, double? Lower, double? Upper, string ValueText);

    public sealed record Point(string Label, double? Value);

    /// <summary>One box: the 10th percentile, quartiles, median and 90th percentile, or none (too few to show).</summary>
    public sealed record Box(string Label, double? P10, double? Q1, double? Median, double? Q3, double? P90, string ValueText);

    // Light to dark blue; text switches to white on the two darkest (contrast above 4.5:1 on each).
    private static readonly string[] Shades = ["#deebf7", "#9ecae1", "#3182bd", "#08519c"];

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>A tile map: one square per authority at its place in the grid, shaded by value in four bands.</summary>
    public static IHtmlContent TileMap(string id, string title, string tableId, IReadOnlyList<Tile> tiles, IReadOnlyList<double> bandStarts)
    {
        const int size = 76, gap = 4;
        var cols = tiles.Count == 0 ? 1 : tiles.Max(t => t.Col) + 1;
        var rows = tiles.Count == 0 ? 1 : tiles.Max(t => t.Row) + 1;
        var w = (cols * (size + gap)) + gap;
        var h = (rows * (size + gap)) + gap + 40;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">The same figures are in the table '{E(tableId)}' below the map.</desc>");
        foreach (var t in tiles)
        {
            var band = t.Value is { } v ? bandStarts.Count(b => v >= b) - 1 : -1;
            var fill = band < 0 ? "#ffffff" : Shades[Math.Clamp(band, 0, Shades.Length - 1)];
            var text = band >= 2 ? "#ffffff" : "#0b0c0c";
            int x = gap + (t.Col * (size + gap)), y = gap + (t.Row * (size + gap));
            sb.Append(CultureInfo.InvariantCulture, $"<g data-code=\"{t.Code}\"><title>{E(t.Name)}: {E(t.ValueText)}{(t.Flagged ? " (flagged)" : "")}</title>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{size}\" height=\"{size}\" fill=\"{fill}\" stroke=\"{(t.Flagged ? "#d4351c" : "#505a5f")}\" stroke-width=\"{(t.Flagged ? 4 : 1)}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (size / 2)}\" y=\"{y + 32}\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\" fill=\"{text}\">{E(t.Abbreviation)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (size / 2)}\" y=\"{y + 54}\" text-anchor=\"middle\" font-size=\"14\" fill=\"{text}\">{E(t.Value is { } tv ? F(tv) : "–")}</text></g>");
        }
        var ly = h - 30;
        for (var i = 0; i < Math.Min(bandStarts.Count, Shades.Length); i++)
        {
            var lx = gap + (i * 90);
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx}\" y=\"{ly}\" width=\"16\" height=\"16\" fill=\"{Shades[i]}\" stroke=\"#505a5f\"/><text x=\"{lx + 20}\" y=\"{ly + 13}\" font-size=\"12\" fill=\"#0b0c0c\">{F(bandStarts[i])}+</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>Horizontal bars with their 95% intervals as whiskers, and an optional reference line (the regional median).</summary>
    public static IHtmlContent Bars(string id, string title, string tableId, IReadOnlyList<Bar> bars, double? reference, string referenceLabel)
    {
        const int labelW = 190, chartW = 320, rowH = 26, top = 10;
        var max = bars.Select(b => b.Upper ?? b.Value ?? 0).Append(reference ?? 0).DefaultIfEmpty(0).Max();
        max = max <= 0 ? 1 : max * 1.05;
        var h = top + (bars.Count * rowH) + 40;
        var w = labelW + chartW + 70;
        double X(double v) => labelW + (v / max * chartW);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">The same figures are in the table '{E(tableId)}' beside the chart.</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = top + (i * rowH);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelW - 6}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"13\" fill=\"#0b0c0c\">{E(b.Label)}</text>");
            if (b.Value is { } v)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelW}\" y=\"{y + 4}\" width=\"{F(X(v) - labelW)}\" height=\"16\" fill=\"#3182bd\"/>");
                if (b.Lower is { } lo && b.Upper is { } up)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(lo))}\" x2=\"{F(X(up))}\" y1=\"{y + 12}\" y2=\"{y + 12}\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>");
                    sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(lo))}\" x2=\"{F(X(lo))}\" y1=\"{y + 6}\" y2=\"{y + 18}\" stroke=\"#0b0c0c\" stroke-width=\"2\"/><line x1=\"{F(X(up))}\" x2=\"{F(X(up))}\" y1=\"{y + 6}\" y2=\"{y + 18}\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>");
                }
            }
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelW + chartW + 8}\" y=\"{y + 16}\" font-size=\"13\" fill=\"#0b0c0c\">{E(b.ValueText)}</text>");
        }
        if (reference is { } r)
        {
            var y2 = top + (bars.Count * rowH);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(r))}\" x2=\"{F(X(r))}\" y1=\"{top}\" y2=\"{y2}\" stroke=\"#d4351c\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(r))}\" y=\"{y2 + 18}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\">{E(referenceLabel)} {F(r)}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>A line over time; missing points (hidden counts) leave a gap rather than a guess.</summary>
    public static IHtmlContent Trend(string id, string title, string tableId, IReadOnlyList<Point> points)
    {
        const int left = 40, chartW = 480, chartH = 160, top = 10;
        var max = points.Select(p => p.Value ?? 0).DefaultIfEmpty(0).Max();
        max = max <= 0 ? 1 : max * 1.1;
        var step = points.Count > 1 ? chartW / (double)(points.Count - 1) : 0;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {left + chartW + 20} {top + chartH + 40}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">The same figures are in the table '{E(tableId)}' beside the chart.</desc>");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{left}\" y1=\"{top}\" y2=\"{top + chartH}\" stroke=\"#505a5f\"/><line x1=\"{left}\" x2=\"{left + chartW}\" y1=\"{top + chartH}\" y2=\"{top + chartH}\" stroke=\"#505a5f\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{top + 10}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">{F(max)}</text><text x=\"{left - 4}\" y=\"{top + chartH}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">0</text>");
        var path = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            var x = left + (i * step);
            if (points[i].Value is { } v)
            {
                var y = top + chartH - (v / max * chartH);
                path.Append(CultureInfo.InvariantCulture, $"{(path.Length == 0 || points[i - 1].Value is null ? "M" : "L")}{F(x)} {F(y)} ");
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"4\" fill=\"#08519c\"/>");
            }
            if (i % 2 == 0 || i == points.Count - 1)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{top + chartH + 18}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#0b0c0c\">{E(points[i].Label)}</text>");
            }
        }
        if (path.Length > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"2\"/>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>Box and whiskers on one scale: the box is the middle half, the thick line the median, the whiskers reach the 10th and 90th percentiles.</summary>
    public static IHtmlContent Boxes(string id, string title, string tableId, IReadOnlyList<Box> boxes, string unit)
    {
        const int labelW = 190, chartW = 320, rowH = 30, top = 10;
        var max = boxes.Select(b => b.P90 ?? 0).DefaultIfEmpty(0).Max();
        max = max <= 0 ? 1 : max * 1.05;
        var h = top + (boxes.Count * rowH) + 40;
        var w = labelW + chartW + 110;
        double X(double v) => labelW + (v / max * chartW);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">The same figures are in the table '{E(tableId)}' beside the chart.</desc>");
        for (var i = 0; i < boxes.Count; i++)
        {
            var b = boxes[i];
            var y = top + (i * rowH);
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"box\" data-label=\"{E(b.Label)}\"><text x=\"{labelW - 6}\" y=\"{y + 19}\" text-anchor=\"end\" font-size=\"13\" fill=\"#0b0c0c\">{E(b.Label)}</text>");
            if (b is { P10: { } p10, Q1: { } q1, Median: { } med, Q3: { } q3, P90: { } p90 })
            {
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(p10))}\" x2=\"{F(X(p90))}\" y1=\"{y + 14}\" y2=\"{y + 14}\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(p10))}\" x2=\"{F(X(p10))}\" y1=\"{y + 8}\" y2=\"{y + 20}\" stroke=\"#0b0c0c\" stroke-width=\"2\"/><line x1=\"{F(X(p90))}\" x2=\"{F(X(p90))}\" y1=\"{y + 8}\" y2=\"{y + 20}\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(X(q1))}\" y=\"{y + 4}\" width=\"{F(Math.Max(X(q3) - X(q1), 1))}\" height=\"20\" fill=\"#9ecae1\" stroke=\"#08519c\" stroke-width=\"1\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(med))}\" x2=\"{F(X(med))}\" y1=\"{y + 2}\" y2=\"{y + 26}\" stroke=\"#08519c\" stroke-width=\"4\"/>");
            }
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelW + chartW + 8}\" y=\"{y + 19}\" font-size=\"13\" fill=\"#0b0c0c\">{E(b.ValueText)}</text></g>");
        }
        var axisY = top + (boxes.Count * rowH) + 4;
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{labelW}\" x2=\"{labelW + chartW}\" y1=\"{axisY}\" y2=\"{axisY}\" stroke=\"#505a5f\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelW}\" y=\"{axisY + 16}\" font-size=\"12\" fill=\"#0b0c0c\">0</text><text x=\"{labelW + chartW}\" y=\"{axisY + 16}\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\">{F(max)} {E(unit)}</text>");
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
