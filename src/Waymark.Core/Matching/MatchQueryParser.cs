using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Schedules;

namespace Waymark.Core.Matching;

/// <summary>
/// The one reader of a search's parameters (docs/contracts/matching.md §2), for the matching API, the find journey and
/// the navigator's search alike: every parameter checked, every problem given back at once as a value.
/// </summary>
public static partial class MatchQueryParser
{
    /// <summary>The parameters, in the order their problems are reported.</summary>
    public static readonly IReadOnlyList<string> Parameters =
        ["near", "within_km", "delivery", "format", "when", "open_now", "at", "access", "free", "age", "gender", "circumstances", "member_of", "language", "needs", "prefer", "urgency", "limit"];

    /// <summary>How long a search naming organisations waits for the first snapshot before it is told to come back.</summary>
    public static readonly TimeSpan DirectoryWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Reads the search's parameters (<paramref name="raw"/> gives each one's values, none when it is not given) into a
    /// <see cref="MatchQuery"/>, or every problem at once, keyed by parameter. Organisations in <c>member_of</c> are
    /// checked against the search snapshot, so a search naming one waits for the first load (and says
    /// <see cref="MatchQueryParse.DirectoryNotReady"/> if it is still not in).
    /// </summary>
    public static async Task<MatchQueryParse> ParseAsync(Func<string, StringValues> raw, Gazetteer.Gazetteer gazetteer, DirectoryIndex directory, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var given = new List<string>();

        string? Value(string name)
        {
            var values = raw(name);
            if (values.Count == 0)
            {
                return null;
            }
            if (values.Count > 1)
            {
                errors[name] = [$"Give {name} once."];
                return null;
            }
            var v = values[0]?.Trim();
            if (string.IsNullOrEmpty(v))
            {
                return null;
            }
            given.Add(name);
            return v;
        }

        UInt128? Family(string name, string family)
        {
            if (Value(name) is not { } v)
            {
                return null;
            }
            var set = UInt128.Zero;
            var bad = new List<string>();
            foreach (var item in v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var code = item.StartsWith(family + ":", StringComparison.Ordinal) ? item : family + ":" + item;
                if (Codes.TryBit(code, out var bit))
                {
                    set |= bit;
                }
                else
                {
                    bad.Add(item);
                }
            }
            if (bad.Count > 0)
            {
                errors[name] = [$"Use a comma list of: {string.Join(", ", Vocabulary.Family(family).Select(t => t.Value))}."];
                return null;
            }
            return set == UInt128.Zero ? null : set;
        }

        bool? Boolean(string name) => Value(name) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Fail<bool?>(name, $"Use true or false.", null),
        };

        T Fail<T>(string name, string message, T value)
        {
            errors[name] = [message];
            return value;
        }

        var withinKm = MatchQuery.DefaultWithinKm;
        if (Value("within_km") is { } w)
        {
            if (double.TryParse(w, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var km) && km > 0 && km <= MatchQuery.MaxWithinKm)
            {
                withinKm = km;
            }
            else
            {
                errors["within_km"] = ["Use a number of kilometres above 0 and up to 200."];
            }
        }

        var delivery = Family("delivery", "delivery");
        var format = Family("format", "format");
        var needs = Family("needs", "access-needs");

        var when = WhenWindows.None;
        if (Value("when") is { } whenText)
        {
            foreach (var item in whenText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var window = item switch
                {
                    "weekday-daytime" => WhenWindows.WeekdayDaytime,
                    "weekday-evening" => WhenWindows.WeekdayEvening,
                    "weekend" => WhenWindows.Weekend,
                    _ => WhenWindows.None,
                };
                if (window == WhenWindows.None)
                {
                    errors["when"] = ["Use a comma list of: weekday-daytime, weekday-evening, weekend."];
                }
                when |= window;
            }
        }

        var openNow = Boolean("open_now") ?? false;
        var free = Boolean("free") ?? false;

        DateTimeOffset? at = null;
        if (Value("at") is { } atText)
        {
            at = TryParseAt(atText, out var instant) ? instant
                : Fail<DateTimeOffset?>("at", "Use an ISO 8601 date and time between the years 2000 and 2100, such as 2026-12-01T18:00 (UK time) or 2026-12-01T18:00:00Z; a date alone is not enough.", null);
        }

        var selfAccess = Value("access") switch
        {
            null => false,
            "self" => true,
            _ => Fail("access", "Use self: services you can contact yourself.", false),
        };

        int? age = null;
        if (Value("age") is { } ageText)
        {
            age = int.TryParse(ageText, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= 120 ? years
                : Fail<int?>("age", "Use a whole number of years from 0 to 120.", null);
        }

        Gender? gender = Value("gender") switch
        {
            null => null,
            "woman" => Gender.Woman,
            "man" => Gender.Man,
            "non-binary" => Gender.NonBinary,
            _ => Fail<Gender?>("gender", "Use woman, man or non-binary.", null),
        };

        bool student = false, employee = false;
        if (Value("circumstances") is { } circumstances)
        {
            foreach (var item in circumstances.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                switch (item)
                {
                    case "student": student = true; break;
                    case "employee": employee = true; break;
                    default: errors["circumstances"] = ["Use a comma list of: student, employee."]; break;
                }
            }
        }

        var memberOf = new List<Guid>();
        if (Value("member_of") is { } members)
        {
            var malformed = false;
            foreach (var item in members.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (Guid.TryParseExact(item, "D", out var id))
                {
                    if (!memberOf.Contains(id))
                    {
                        memberOf.Add(id);
                    }
                }
                else
                {
                    malformed = true;
                }
            }
            if (malformed)
            {
                errors["member_of"] = ["Use a comma list of organisation ids, such as 5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001."];
            }
            else if (memberOf.Count > 0)
            {
                if (!await directory.WaitUntilReadyAsync(DirectoryWait, ct))
                {
                    return MatchQueryParse.NotReady;
                }
                var snapshot = directory.Current;
                var unknown = memberOf.Where(id => !snapshot.HasOrganization(id)).ToList();
                if (unknown.Count > 0)
                {
                    errors["member_of"] = [$"Use the ids of organisations in the directory; no organisation with a service has the id {string.Join(", ", unknown)}."];
                }
            }
        }

        string? language = null;
        if (Value("language") is { } lang)
        {
            var code = lang.ToLowerInvariant();
            language = Languages.IsIso6391(code) ? code : Fail<string?>("language", "Use a two-letter ISO 639-1 language code, such as en, pl or ur.", null);
        }

        var prefer = UInt128.Zero;
        if (Value("prefer") is { } preferText)
        {
            foreach (var item in preferText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (Codes.TryBit(item, out var bit))
                {
                    prefer |= bit;
                }
                else
                {
                    errors["prefer"] = ["Use a comma list of Waymark codes with their prefix, such as delivered-by:peer,format:one-to-one."];
                }
            }
        }

        var urgency = Value("urgency") switch
        {
            null or "routine" => Urgency.Routine,
            "soon" => Urgency.Soon,
            "now" => Urgency.Now,
            _ => Fail("urgency", "Use now, soon or routine.", Urgency.Routine),
        };

        var limit = MatchQuery.DefaultLimit;
        if (Value("limit") is { } limitText)
        {
            limit = int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MatchQuery.MaxLimit ? n
                : Fail("limit", "Use a whole number from 1 to 50.", MatchQuery.DefaultLimit);
        }

        ResolvedPlace? place = null;
        IReadOnlyList<GazetteerPlace> nearCandidates = [];
        IReadOnlyList<string>? nearSuggestions = null;
        if (Value("near") is { } near)
        {
            var lookup = await gazetteer.LookUpAsync(near, ct);
            place = lookup.Place;
            if (place is null)
            {
                errors["near"] = [NearProblem(near, lookup)];
                if (lookup.Candidates.Count > 0)
                {
                    nearCandidates = lookup.Candidates;
                }
                else
                {
                    nearSuggestions = lookup.Suggestions;
                }
            }
        }

        if (errors.Count > 0)
        {
            return new MatchQueryParse(null, errors) { NearCandidates = nearCandidates, NearSuggestions = nearSuggestions };
        }

        return new MatchQueryParse(new MatchQuery
        {
            Place = place,
            WithinKm = withinKm,
            Delivery = delivery,
            Format = format,
            When = when,
            OpenNow = openNow,
            At = at,
            SelfAccessOnly = selfAccess,
            FreeOnly = free,
            Age = age,
            Gender = gender,
            Student = student,
            Employee = employee,
            MemberOf = memberOf,
            Language = language,
            Needs = needs ?? UInt128.Zero,
            Prefer = prefer,
            Urgency = urgency,
            Limit = limit,
            GivenParameters = given,
        }, new Dictionary<string, string[]>());
    }

    /// <summary>Why <c>near</c> gave no place, and what to send instead.</summary>
    private static string NearProblem(string near, NearLookup lookup)
    {
        if (lookup.Candidates.Count > 0)
        {
            var name = lookup.Candidates[0].Name;
            return $"There are {lookup.Candidates.Count} places called {name}. Send one of near_candidates[].near as near (such as \"{lookup.Candidates[0].Label}\"), or a postcode.";
        }
        var tail = "Use a UK postcode (S1 2HE), a postcode district (S1), a town or village in England (Skipton; qualify a repeated name with its council: \"Newton, Rugby\") or lat,lon (53.38,-1.47).";
        return lookup.Suggestions.Count > 0
            ? $"No place in England is called \"{near.Trim()}\". The closest names are in near_suggestions. {tail}"
            : $"We could not find that place. {tail}";
    }

    /// <summary>An ISO 8601 date and time; without an offset it is UK local time. A '+' that arrived as a space is read as '+'.</summary>
    public static bool TryParseAt(string text, out DateTimeOffset at)
    {
        at = default;
        var m = AtPattern().Match(text);
        if (!m.Success)
        {
            return false;
        }
        var local = m.Groups["local"].Value;
        if (!DateTime.TryParseExact(local, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
            || dt.Year is < 2000 or > 2100)
        {
            return false;
        }
        var zone = m.Groups["zone"].Value;
        if (zone.Length == 0)
        {
            at = UkTime.ToInstant(dt);
            return true;
        }
        if (zone is "Z" or "z")
        {
            at = new DateTimeOffset(dt, TimeSpan.Zero);
            return true;
        }
        var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = int.Parse(digits[2..], CultureInfo.InvariantCulture);
        // Offsets run from -14:00 to +14:00; anything beyond is not a time anywhere (and DateTimeOffset refuses it).
        if (minutes > 59 || (hours * 60) + minutes > 14 * 60)
        {
            return false;
        }
        var offset = new TimeSpan(hours, minutes, 0);
        at = new DateTimeOffset(dt, zone[0] == '-' ? -offset : offset);
        return true;
    }

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)(?<zone>Z|z|[+\- ]\d{2}:?\d{2})?$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex AtPattern();
}
