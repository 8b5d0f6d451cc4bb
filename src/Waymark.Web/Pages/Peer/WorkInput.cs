using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.PeerSupport;
using Waymark.Core.Schedules;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Peer;

/// <summary>The "time worked" form, shared by the peer supporter's page and their supervisor's: kind, UK date and start time, minutes.</summary>
public sealed class WorkInput
{
    public string? Kind { get; set; }
    public string? Date { get; set; }
    public string? Start { get; set; }
    public string? Minutes { get; set; }

    public static readonly IReadOnlyList<(WorkKind Kind, string Words)> Kinds =
    [
        (WorkKind.GroupSessionFacilitated, "Facilitating a group session"),
        (WorkKind.ReferralHeld, "Supporting someone referred to us"),
        (WorkKind.WallModeration, "Moderating the wall"),
        (WorkKind.Other, "Other peer support work"),
    ];

    public static string Describe(WorkKind kind) => Kinds.First(k => k.Kind == kind).Words;

    /// <summary>Checks the form, adding errors under "Work.*"; the parsed entry when it is all good.</summary>
    public (WorkKind Kind, DateTimeOffset Start, int Minutes)? Validate(PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        WorkKind? kind = Enum.TryParse<WorkKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;
        if (kind is null)
        {
            page.AddError("Work.Kind", "Choose what the work was");
        }
        DateOnly? date = DateOnly.TryParseExact(Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (date is null)
        {
            page.AddError("Work.Date", "Enter the date as year-month-day, for example 2026-12-03");
        }
        TimeOnly? start = TimeOnly.TryParseExact(Start?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
        if (start is null)
        {
            page.AddError("Work.Start", "Enter the start time as hours and minutes, for example 18:30");
        }
        int? minutes = int.TryParse(Minutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= WorkEntry.MaxMinutes ? m : null;
        if (minutes is null)
        {
            page.AddError("Work.Minutes", $"Enter how many minutes, a whole number from 1 to {WorkEntry.MaxMinutes}");
        }
        return kind is { } kk && date is { } dd && start is { } ss && minutes is { } mm
            ? (kk, UkTime.ToInstant(dd.ToDateTime(ss)), mm)
            : null;
    }
}
