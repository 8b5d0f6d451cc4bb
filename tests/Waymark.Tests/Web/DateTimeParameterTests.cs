using System.Net;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Web;

/// <summary>
/// Every parameter that reads a date-time (<c>at</c> on the match API and the find journey, ORUK <c>modified_after</c>)
/// answers 200 or 400 for any text: odd offsets, extreme dates, odd shapes. Never a 500.
/// </summary>
public sealed class DateTimeParameterTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    private static readonly string[] Offsets =
    [
        "", "Z", "z", "+00:00", "-00:00", "+01:00", "+0530", "+05:45", "-09:30", "+13:59", "+14:00", "-14:00",
        "+14:01", "+14:30", "-14:30", "+14:59", "+15:00", "-15:00", "+23:59", "-23:59", "+24:00", "+99:99", "+00:60",
        "+1400", "+1430", "-1430", "+14", "+1", "+", " 14:30", " 05:00",
    ];

    private static readonly string[] Moments =
    [
        "2026-12-01T18:00", "2026-12-01T18:00:00", "2026-12-01T18:00:00.1234567",
        "2000-01-01T00:00", "2000-01-01T00:00:00", "1999-12-31T23:59:59", "2100-12-31T23:59", "2101-01-01T00:00",
        "0001-01-01T00:00:00", "9999-12-31T23:59:59", "9999-12-31T23:59:59.9999999", "0000-01-01T00:00",
        "2026-03-29T01:30", "2026-10-25T01:30", "2026-02-29T12:00", "2028-02-29T12:00", "2026-13-01T00:00", "2026-12-01T24:00",
    ];

    private static readonly string[] Oddities =
    [
        "2026-12-01", "0001-01-01", "9999-12-31", "now", "T", "2026-12-01T", "-2026-12-01T18:00", "+002026-12-01T18:00",
        "2026-12-01T18:00Z+01:00", "2026-12-01T18:00+01:00:00", "2026-12-01 18:00", "2026-W49-2T18:00", "1764612000",
        new string('9', 500), "２０２６-12-01T18:00",
    ];

    public static IEnumerable<string> Values() =>
        Moments.SelectMany(m => Offsets.Select(o => m + o)).Concat(Oddities);

    [Theory]
    [InlineData("/api/v1/match?at=")]
    [InlineData("/find/results?at=")]
    [InlineData("/oruk/services?modified_after=")]
    [InlineData("/oruk/service_at_locations?modified_after=")]
    public async Task Any_date_time_answers_200_or_400(string path)
    {
        using var client = app.CreateClient();
        var failures = new List<string>();
        foreach (var value in Values())
        {
            using var response = await client.GetAsync(new Uri(path + Uri.EscapeDataString(value), UriKind.Relative));
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
            {
                failures.Add($"{value} → {(int)response.StatusCode}");
            }
        }
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("2026-12-01T18:00+14:00", HttpStatusCode.OK)]
    [InlineData("2026-12-01T18:00-14:00", HttpStatusCode.OK)]
    [InlineData("2026-12-01T18:00+14:30", HttpStatusCode.BadRequest)]
    [InlineData("2026-12-01T18:00-14:30", HttpStatusCode.BadRequest)]
    [InlineData("2100-12-31T23:59-14:00", HttpStatusCode.OK)]
    public async Task An_offset_beyond_fourteen_hours_is_a_400_naming_at(string at, HttpStatusCode expected)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/v1/match?at=" + Uri.EscapeDataString(at), UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"at\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
