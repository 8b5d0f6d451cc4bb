using Microsoft.AspNetCore.DataProtection;

namespace Waymark.Core.PeerSupport;

/// <summary>
/// Encrypts supervision notes and wellbeing check-ins with Data Protection (the key ring in the database, as
/// for referrals and people's notes), under its own purpose, so a copy of the tables alone does not reveal them.
/// </summary>
public sealed class PeerSupportText(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Waymark.PeerSupport.v1");

    public string? Protect(string? plain) => string.IsNullOrWhiteSpace(plain) ? null : _protector.Protect(plain.Trim());

    public string? Unprotect(string? stored) => string.IsNullOrEmpty(stored) ? null : _protector.Unprotect(stored);
}

public static class PeerSupportAudit
{
    public const string SettingsChanged = "peer-settings-changed";
    public const string SupervisorNamed = "peer-supervisor-named";
    public const string TrainingRecorded = "peer-training-recorded";
    public const string SupervisionRecorded = "peer-supervision-recorded";
    public const string SupervisionNoteRead = "peer-supervision-note-read";
    public const string DebriefRequested = "peer-debrief-requested";
    public const string DebriefPrompted = "peer-debrief-prompted";
    public const string DebriefHeld = "peer-debrief-held";
    public const string DebriefBooked = "peer-debrief-booked";
    public const string SupervisionBooked = "peer-supervision-booked";
    public const string SupervisionBookingReminded = "peer-supervision-booking-reminded";
    public const string DebriefReminded = "peer-debrief-reminded";
    public const string CheckInRecorded = "peer-check-in-recorded";
    public const string CheckInRead = "peer-check-in-read";
    public const string WorkLogged = "peer-work-logged";
    public const string Assigned = "peer-assigned";
    public const string AssignmentRefused = "peer-assignment-refused";
    public const string AssignmentEnded = "peer-assignment-ended";
    public const string OverrideRecorded = "peer-override-recorded";
    public const string BreakStarted = "peer-break-started";
    public const string BreakEnded = "peer-break-ended";
    public const string LoadWarned = "peer-load-warned";
}
