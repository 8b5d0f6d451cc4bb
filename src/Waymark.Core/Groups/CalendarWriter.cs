using System.Globalization;
using System.Text;

namespace Waymark.Core.Groups;

/// <summary>
/// Writes group sessions as an iCalendar object (RFC 5545): CRLF line ends, lines folded at 75 octets without
/// splitting a UTF-8 character, TEXT values escaped. Times are written in UTC with "Z" (RFC 5545 3.3.5, form 2)
/// rather than local time with a VTIMEZONE: each session is a single event (no RRULE), so nothing needs the
/// wall clock to repeat across a clock change, and UTC leaves no hand-written Europe/London rules to go stale
/// or be misread; every calendar shows it in the reader's own zone. Nothing personal goes in: no facilitators,
/// no attendance, no join link.
/// </summary>
public static class CalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>Stable for ever for a session, so a calendar that saved it recognises its updates and cancellation.</summary>
    public static string UidOf(Guid sessionId) => $"{sessionId:D}@group-session.waymark";

    public static string Write(string calendarName, IEnumerable<PublicSession> sessions, Func<PublicSession, string> pageUrl)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(pageUrl);
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//Waymark//Group sessions//EN");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:PUBLISH");
        Line(ics, "X-WR-CALNAME:" + Text(calendarName));
        foreach (var s in sessions)
        {
            Line(ics, "BEGIN:VEVENT");
            Line(ics, "UID:" + UidOf(s.Id));
            Line(ics, "DTSTAMP:" + Utc(s.UpdatedAt));
            Line(ics, "LAST-MODIFIED:" + Utc(s.UpdatedAt));
            Line(ics, "DTSTART:" + Utc(s.StartsAt));
            Line(ics, "DTEND:" + Utc(s.EndsAt));
            Line(ics, "SEQUENCE:" + s.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(ics, "STATUS:" + (s.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(ics, "SUMMARY:" + Text(s.Cancelled ? $"Cancelled: {s.ServiceName}" : s.ServiceName));
            Line(ics, "LOCATION:" + Text(s.Online ? "Online" : s.Place));
            Line(ics, "DESCRIPTION:" + Text(Description(s)));
            Line(ics, "URL:" + pageUrl(s));
            Line(ics, "TRANSP:OPAQUE");
            Line(ics, "END:VEVENT");
        }
        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    private static string Description(PublicSession s)
    {
        var lines = new List<string> { $"A group session of {s.ServiceName}." };
        if (s.Cancelled)
        {
            lines.Add("This session is cancelled.");
        }
        if (s.Online)
        {
            lines.Add("It is online. Ask the service for the link.");
        }
        if (s.Capacity is { } capacity)
        {
            lines.Add($"Up to {capacity} people.");
        }
        lines.Add("Details and how to get in touch are on Waymark.");
        return string.Join('\n', lines);
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 3.3.11: backslash, semicolon and comma escaped; a line break is written as \n.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',': escaped.Append(@"\,"); break;
                case '\r':
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }
                    escaped.Append(@"\n");
                    break;
                case '\n': escaped.Append(@"\n"); break;
                default:
                    // Other control characters are not allowed in TEXT (RFC 5545 3.3.11); tab is.
                    if (!char.IsControl(c) || c == '\t')
                    {
                        escaped.Append(c);
                    }
                    break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>Writes a content line folded so that no physical line is longer than 75 octets (RFC 5545 3.1).</summary>
    private static void Line(StringBuilder ics, string line)
    {
        var octets = 0;
        const int limit = 75;
        var i = 0;
        while (i < line.Length)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                ics.Append("\r\n ");
                // The leading space of a continuation line counts towards its 75 octets.
                octets = 1;
            }
            ics.Append(line, i, length);
            octets += size;
            i += length;
        }
        ics.Append("\r\n");
    }
}
