using System.Globalization;
using Waymark.Core.Oruk;
using Waymark.Core.Schedules;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Oruk;

/// <summary>
/// Reads ORUK query parameters by hand so that every bad value becomes our 400 problem+json naming the
/// parameter. An empty value means the parameter was not given.
/// </summary>
internal sealed class OrukQuery(IQueryCollection query)
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 1000;
    public const double MaxProximityMetres = 200_000;
    public const double DefaultProximityMetres = 10_000;


    public string? Text(string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[^1]) ? values[^1]!.Trim() : null;

    public int Int(string name, int fallback, int min, int max)
    {
        if (Text(name) is not { } text)
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw BadRequestException.ForParameter(name, $"{name} must be a whole number from {min} to {max}.");
    }

    public decimal? Decimal(string name, decimal min, decimal max)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw BadRequestException.ForParameter(name, $"{name} must be a number from {min} to {max}.");
    }

    public bool? Bool(string name) => Text(name)?.ToLowerInvariant() switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => throw BadRequestException.ForParameter(name, $"{name} must be true or false."),
    };

    public Guid? Uuid(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }
        return Guid.TryParse(text, out var id) ? id : throw BadRequestException.ForParameter(name, $"{name} must be a UUID.");
    }

    /// <summary>An ISO 8601 date-time (UK local time when no offset is written) or a date (midnight UK time).</summary>
    public DateTimeOffset? Instant(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }
        string[] withOffset = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
        string[] local = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"];
        if ((text.EndsWith('Z') || HasOffset(text))
            && DateTimeOffset.TryParseExact(text, withOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }
        if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var ukLocal))
        {
            return UkTime.ToInstant(ukLocal);
        }
        throw BadRequestException.ForParameter(name, $"{name} must be an ISO 8601 date-time such as 2026-01-31T09:00:00Z, or a date such as 2026-01-31.");
    }

    public TimeOnly? Time(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }
        return TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw BadRequestException.ForParameter(name, $"{name} must be a time of day as HH:MM or HH:MM:SS.");
    }

    public DayOfWeek? Day(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }
        return OrukServiceFilter.ParseDay(text)
            ?? throw BadRequestException.ForParameter(name, $"{name} must be a day: MO, TU, WE, TH, FR, SA, SU (or its English name).");
    }

    public (int Page, int PerPage) Paging() =>
        (Int("page", 1, 1, int.MaxValue), Int("per_page", DefaultPerPage, 1, MaxPerPage));

    /// <summary>True for <c>format=ndjson</c>; <c>json</c> or nothing is a page.</summary>
    public bool Ndjson => Text("format")?.ToLowerInvariant() switch
    {
        null or "json" => false,
        "ndjson" => true,
        _ => throw BadRequestException.ForParameter("format", "format must be json or ndjson."),
    };

    private static bool HasOffset(string text) =>
        text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':';
}
