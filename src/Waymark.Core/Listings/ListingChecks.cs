using System.Globalization;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Referrals;

namespace Waymark.Core.Listings;

/// <summary>
/// What each listing edit may hold, checked before anything changes: <see cref="ListingEditor"/> applies an edit only
/// when its check comes back empty. The limits are <see cref="ListingLimits"/>; the words are what the person reads.
/// </summary>
internal static class ListingChecks
{
    /// <summary>A service's details: one rule a field, in the order of the form.</summary>
    public static ListingErrorList Details(ServiceDetails d)
    {
        var errors = new ListingErrorList();
        errors.Name(nameof(d.Name), d.Name, "Enter the name of the service");
        if (string.IsNullOrWhiteSpace(d.Description))
        {
            errors.Add(nameof(d.Description), "Describe the service in a few sentences");
        }
        else if (d.Description.Length > ListingLimits.MaxDescriptionLength)
        {
            errors.Add(nameof(d.Description), $"The description must be {ListingLimits.MaxDescriptionLength.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer");
        }
        if (!ServiceStatus.All.Contains(d.Status ?? ""))
        {
            errors.Add(nameof(d.Status), "Choose the service's status");
        }
        var min = errors.WholeNumber(nameof(d.MinimumAge), d.MinimumAge, "The youngest age", ListingLimits.MinAge, ListingLimits.MaxAge);
        var max = errors.WholeNumber(nameof(d.MaximumAge), d.MaximumAge, "The oldest age", ListingLimits.MinAge, ListingLimits.MaxAge);
        if (min is not null && max is not null && min > max)
        {
            errors.Add(nameof(d.MaximumAge), "The oldest age must be the same as or more than the youngest age");
        }
        errors.OptionalEmail(nameof(d.Email), d.Email);
        if (!string.IsNullOrWhiteSpace(d.Phone))
        {
            var digits = d.Phone.Count(char.IsAsciiDigit);
            if (d.Phone.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '(' or ')' or '-'))
                || digits is < ListingLimits.MinPhoneDigits or > ListingLimits.MaxPhoneDigits)
            {
                errors.Add(nameof(d.Phone), "Enter a phone number, like 01632 960 001 or 116 123");
            }
        }
        errors.WholeNumber(nameof(d.SessionMinutes), d.SessionMinutes, "Session length", ListingLimits.MinSessionMinutes, ListingLimits.MaxSessionMinutes);
        if (!string.IsNullOrWhiteSpace(d.Sessions) && d.Sessions.Trim() != "ongoing")
        {
            errors.WholeNumber(nameof(d.Sessions), d.Sessions, "Number of sessions", ListingLimits.MinSessions, ListingLimits.MaxSessions);
        }
        if (!string.IsNullOrWhiteSpace(d.Frequency) && !Vocabulary.Frequencies.Contains(d.Frequency))
        {
            errors.Add(nameof(d.Frequency), "Choose how often sessions happen");
        }
        if (d.FirstContact?.Length > ListingLimits.MaxFirstContactLength)
        {
            errors.Add(nameof(d.FirstContact), $"What happens first must be {ListingLimits.MaxFirstContactLength} characters or fewer");
        }
        errors.WholeNumber(nameof(d.TypicalWaitDays), d.TypicalWaitDays, "Typical wait", 0, ListingLimits.MaxTypicalWaitDays);
        errors.WholeNumber(nameof(d.ResponseWorkingDays), d.ResponseWorkingDays, "Working days to reply to a referral", 1, Staleness.MaxResponseWorkingDays);
        if (d.Terms.Any(t => !ServiceDetails.EditableCodes.Contains(t)))
        {
            errors.Add(nameof(d.Terms), "Choose only from the options shown");
        }
        return errors;
    }

    public static ListingErrorList Organisation(OrganisationDetails d)
    {
        var errors = new ListingErrorList();
        errors.Name(nameof(d.Name), d.Name, "Enter the name of the organisation");
        if (string.IsNullOrWhiteSpace(d.Description))
        {
            errors.Add(nameof(d.Description), "Describe the organisation in a sentence or two");
        }
        errors.OptionalEmail(nameof(d.Email), d.Email);
        if (!string.IsNullOrWhiteSpace(d.Website)
            && !(Uri.TryCreate(d.Website.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add(nameof(d.Website), "Enter the full website address, starting https://");
        }
        return errors;
    }


    /// <summary>A notice's kind and optional last day (yyyy-MM-dd, from <paramref name="today"/> on).</summary>
    public static (ListingErrorList Errors, DateOnly? Until) Notice(string? kind, string? until, DateOnly today)
    {
        var errors = new ListingErrorList();
        if (!ServiceNoticeKinds.All.Contains(kind ?? ""))
        {
            errors.Add("Kind", "Choose whether the service is temporarily closed or not taking referrals");
        }
        if (string.IsNullOrWhiteSpace(until))
        {
            return (errors, null);
        }
        if (!DateOnly.TryParseExact(until.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            errors.Add("Until", "Enter the date as a real date, for example 2027-03-31");
            return (errors, null);
        }
        if (d < today)
        {
            errors.Add("Until", "The date it ends must be today or in the future");
            return (errors, null);
        }
        return (errors, d);
    }

    /// <summary>The weekly timetable: blank rows are skipped; each other row needs days and two different times.</summary>
    public static (ListingErrorList Errors, List<Timetable.Row> Rows) TimetableRows(IReadOnlyList<TimetableRowInput> rows)
    {
        var errors = new ListingErrorList();
        var weekly = new List<Timetable.Row>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.IsBlank)
            {
                continue;
            }
            var (n, found) = (i + 1, errors.Count);
            if (r.Days.Count == 0 || r.Days.Any(d => Timetable.Days.All(x => x.Code != d)))
            {
                errors.Add($"Rows[{i}].Days", $"Time {n}: choose at least one day");
            }
            var opensOk = Timetable.TryParseTime(r.Opens, out var opens);
            var closesOk = Timetable.TryParseTime(r.Closes, out var closes);
            if (!opensOk)
            {
                errors.Add($"Rows[{i}].Opens", $"Time {n}: enter the opening time as hours and minutes, like 09:30");
            }
            if (!closesOk)
            {
                errors.Add($"Rows[{i}].Closes", $"Time {n}: enter the closing time as hours and minutes, like 17:00");
            }
            else if (opensOk && opens == closes)
            {
                errors.Add($"Rows[{i}].Closes", $"Time {n}: the closing time must be different from the opening time");
            }
            if (errors.Count == found)
            {
                weekly.Add(new Timetable.Row(r.Days, opens, closes));
            }
        }
        return (errors, weekly);
    }

    /// <summary>A place: an address with a full UK postcode (<see cref="Postcodes"/>), and a point inside the UK or none.</summary>
    public static (ListingErrorList Errors, string? Postcode, double? Latitude, double? Longitude) Location(LocationDetails d)
    {
        var errors = new ListingErrorList();
        if (string.IsNullOrWhiteSpace(d.Address1))
        {
            errors.Add(nameof(d.Address1), "Enter the first line of the address");
        }
        if (string.IsNullOrWhiteSpace(d.City))
        {
            errors.Add(nameof(d.City), "Enter the town or city");
        }
        if (!Postcodes.TryNormalise(d.Postcode, out var postcode))
        {
            errors.Add(nameof(d.Postcode), $"Enter a full UK postcode, {Postcodes.FormatHint}");
        }
        var (lat, lon) = Point(d, errors);
        return (errors, postcode, lat, lon);
    }

    /// <summary>Both latitude and longitude, inside the UK, or neither.</summary>
    private static (double? Latitude, double? Longitude) Point(LocationDetails d, ListingErrorList errors)
    {
        var hasLat = !string.IsNullOrWhiteSpace(d.Latitude);
        var hasLon = !string.IsNullOrWhiteSpace(d.Longitude);
        if (hasLat != hasLon)
        {
            errors.Add(hasLat ? nameof(d.Longitude) : nameof(d.Latitude), "Enter both latitude and longitude, or neither");
            return (null, null);
        }
        if (!hasLat)
        {
            return (null, null);
        }
        double? lat = null, lon = null;
        if (!double.TryParse(d.Latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || la is < ListingLimits.MinLatitude or > ListingLimits.MaxLatitude)
        {
            errors.Add(nameof(d.Latitude), $"Latitude must be a number between {Number(ListingLimits.MinLatitude)} and {Number(ListingLimits.MaxLatitude)} (the UK), like 53.7196");
        }
        else
        {
            lat = la;
        }
        if (!double.TryParse(d.Longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || lo is < ListingLimits.MinLongitude or > ListingLimits.MaxLongitude)
        {
            errors.Add(nameof(d.Longitude), $"Longitude must be a number between {Number(ListingLimits.MinLongitude)} and {Number(ListingLimits.MaxLongitude)} (the UK), like -1.8568");
        }
        else
        {
            lon = lo;
        }
        return (lat, lon);
    }


    private static string Number(double d) => d.ToString(CultureInfo.InvariantCulture);
}
