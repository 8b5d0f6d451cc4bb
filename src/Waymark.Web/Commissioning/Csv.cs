using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Waymark.Web.Commissioning;

/// <summary>A table as RFC 4180 CSV in UTF-8 (with a byte-order mark, so spreadsheet programs read it as UTF-8).</summary>
public static class Csv
{
    public static FileContentResult File(string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', header.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            sb.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = name };
    }

    public static string Number(double? v, string format = "0.0") => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "";

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
