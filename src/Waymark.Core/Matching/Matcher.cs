using System.Globalization;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Listings;
using Waymark.Core.Safety;
using Waymark.Core.Schedules;

namespace Waymark.Core.Matching;

/// <summary>
/// Person-centred matching (CONTRACTS.md §2): hard constraints are never broken in the results; what is left is ranked
/// by fit, with plain reasons and honest cautions. Works only on a <see cref="DirectorySnapshot"/>: no database here.
/// </summary>
public sealed class Matcher(IReferralWaits referralWaits)
{
    public const int LongWaitDays = 14;
    private const int MaxNearestMisses = 3;
    private const int MaxWhileYouWait = 3;
    private const double MissSearchExtraKm = 50;

    [Flags]
    private enum Broken
    {
        None = 0,
        WithinKm = 1 << 0,
        Delivery = 1 << 1,
        Format = 1 << 2,
        When = 1 << 3,
        OpenNow = 1 << 4,
        Access = 1 << 5,
        Free = 1 << 6,
        Age = 1 << 7,
        Gender = 1 << 8,
        Circumstances = 1 << 9,
        Language = 1 << 10,
        Needs = 1 << 11,

        /// <summary>Cannot be reached at all with what the person said (e.g. in person only, and no <c>near</c>): never a near miss.</summary>
        Unreachable = (1 << 20) | (1 << 21),
    }

    private readonly record struct Candidate(int Index, Guid Id, double Score, double DistanceKm, bool Local);

    private sealed class Context
    {
        public required DirectorySnapshot Snapshot { get; init; }
        public required MatchQuery Query { get; init; }
        public required DateTimeOffset At { get; init; }
        public required DateOnly UkDate { get; init; }
        public required UkMoment Moment { get; init; }
        public required UInt128 Accepted { get; init; }
        public required ushort Language { get; init; }

        /// <summary>Listings last checked on or before this day number have expired (12 months unchecked).</summary>
        public required int ExpiredOnOrBeforeDay { get; init; }
    }

    public MatchOutcome Match(DirectorySnapshot snapshot, MatchQuery query, DateTimeOffset now)
    {
        var at = query.At ?? now;
        var ctx = new Context
        {
            Snapshot = snapshot,
            Query = query,
            At = at,
            UkDate = UkTime.DateOf(at),
            Moment = new UkMoment(at),
            Accepted = query.Delivery ?? Codes.AnyDelivery,
            Language = Languages.Pack(query.Language),
            ExpiredOnOrBeforeDay = UkTime.DateOf(now).AddMonths(-ListingFreshness.ExpiredAfterMonths).DayNumber,
        };
        var services = snapshot.Services;
        var limit = Math.Clamp(query.Limit, 1, MatchQuery.MaxLimit);
        var top = new Candidate[limit];
        var topCount = 0;
        var total = 0;

        var nearby = Nearby(ctx, query.WithinKm);
        foreach (var (index, km) in nearby.Items)
        {
            if (Evaluate(ctx, services[index], km, 0, out var local) == Broken.None)
            {
                total++;
                Offer(top, ref topCount, new Candidate(index, services[index].Id, Score(ctx, services[index], local ? km : double.NaN), km, local));
            }
        }
        var acceptedRemote = ctx.Accepted & Codes.Remote;
        var alreadySeen = 0;
        foreach (var bucket in snapshot.RemoteBuckets)
        {
            // Remote-only reach needs an accepted remote delivery, and a format asked for: a run without either cannot match.
            if (!Codes.Any(bucket.Codes, acceptedRemote) || (query.Format is { } format && !Codes.Any(bucket.Codes, format)))
            {
                continue;
            }
            for (var index = bucket.Start; index < bucket.End; index++)
            {
                if (nearby.Contains(index, ref alreadySeen))
                {
                    continue;
                }
                if (Evaluate(ctx, services[index], double.NaN, 0, out _) == Broken.None)
                {
                    total++;
                    Offer(top, ref topCount, new Candidate(index, services[index].Id, Score(ctx, services[index], double.NaN), double.NaN, false));
                }
            }
        }

        var results = new List<ServiceMatch>(topCount);
        for (var i = 0; i < topCount; i++)
        {
            results.Add(Describe(ctx, top[i]));
        }

        var misses = results.Count == 0 ? NearestMisses(ctx) : [];
        var whileYouWait = results.Count > 0 && NeedsSomethingMeanwhile(ctx, top[0]) ? SomethingMeanwhile(ctx, top.AsSpan(0, topCount), nearby) : [];
        return new MatchOutcome(results, misses, query.Place, CrisisContacts.CardContacts, whileYouWait, total);
    }

    /// <summary>Keeps the best <c>limit</c> candidates in order without sorting everything: score first, then id.</summary>
    private static void Offer(Candidate[] top, ref int count, Candidate c)
    {
        if (count == top.Length && !Before(c, top[count - 1]))
        {
            return;
        }
        var i = count == top.Length ? count - 1 : count++;
        while (i > 0 && Before(c, top[i - 1]))
        {
            top[i] = top[i - 1];
            i--;
        }
        top[i] = c;
    }

    private static bool Before(Candidate a, Candidate b) => a.Score > b.Score || (a.Score == b.Score && a.Id.CompareTo(b.Id) < 0);

    /// <summary>Services with an in-person location in range, each once with its nearest location's distance.</summary>
    private sealed class NearbySet
    {
        public List<(int Index, double Km)> Items { get; } = [];

        /// <summary>Those of <see cref="Items"/> that also offer remote delivery, in order, so the remote passes can skip them.</summary>
        public int[] Remote { get; set; } = [];

        /// <summary>Whether a remote service is one of these; <paramref name="from"/> carries the place reached, as callers ask in increasing index order.</summary>
        public bool Contains(int index, ref int from)
        {
            var remote = Remote;
            while (from < remote.Length && remote[from] < index)
            {
                from++;
            }
            return from < remote.Length && remote[from] == index;
        }
    }

    /// <summary>Services with an in-person location within <paramref name="km"/>, each with its nearest location's distance.</summary>
    private static NearbySet Nearby(Context ctx, double km)
    {
        var found = new NearbySet();
        if (ctx.Query.Place is not { } place || !Codes.Any(ctx.Accepted, Codes.Local))
        {
            return found;
        }
        var ranges = new List<(int Start, int Count)>();
        var snapshot = ctx.Snapshot;
        snapshot.CellRangesNear(place.Latitude, place.Longitude, km, ranges);
        var lat = snapshot.Latitudes;
        var lon = snapshot.Longitudes;
        var owner = snapshot.LocationService;
        var services = snapshot.Services;
        // Most services have one location and go straight in; only those with several need de-duplicating.
        Dictionary<int, double>? several = null;
        // A flat-earth distance is within a fraction of a percent at these ranges: use it to skip the trigonometry.
        var kmPerDegreeLon = 111.32 * Math.Cos(place.Latitude * Math.PI / 180);
        var roughLimit = (km * 1.02) * (km * 1.02);
        foreach (var (start, count) in ranges)
        {
            for (var i = start; i < start + count; i++)
            {
                var location = i;
                var dy = (lat[location] - place.Latitude) * 110.574;
                var dx = (lon[location] - place.Longitude) * kmPerDegreeLon;
                if ((dx * dx) + (dy * dy) > roughLimit)
                {
                    continue;
                }
                var d = Gazetteer.Gazetteer.DistanceKm(place.Latitude, place.Longitude, lat[location], lon[location]);
                if (d > km)
                {
                    continue;
                }
                var service = owner[location];
                if (services[service].LocationCount == 1)
                {
                    found.Items.Add((service, d));
                }
                else
                {
                    several ??= [];
                    if (!several.TryGetValue(service, out var best) || d < best)
                    {
                        several[service] = d;
                    }
                }
            }
        }
        if (several is not null)
        {
            foreach (var (service, d) in several)
            {
                found.Items.Add((service, d));
            }
        }
        var remote = new List<int>();
        foreach (var (service, _) in found.Items)
        {
            if (Codes.Any(services[service].Codes, Codes.Remote))
            {
                remote.Add(service);
            }
        }
        remote.Sort();
        found.Remote = [.. remote];
        return found;
    }

    /// <summary>Which hard constraints a service breaks; stops counting once more than <paramref name="maxBroken"/> are broken.</summary>
    private static Broken Evaluate(Context ctx, in ServiceEntry s, double km, int maxBroken, out bool local, Broken ignore = Broken.None)
    {
        var q = ctx.Query;
        var broken = Broken.None;
        var brokenCount = 0;
        local = false;

        // A listing nobody has checked for a year drops out of matching; its page stays reachable, marked.
        if (s.AssuredDay >= 0 && s.AssuredDay <= ctx.ExpiredOnOrBeforeDay)
        {
            return Broken.Unreachable;
        }

        bool Add(Broken b)
        {
            if ((ignore & b) != 0)
            {
                return false;
            }
            broken |= b;
            brokenCount += b == Broken.Unreachable ? 2 : 1;
            return brokenCount > maxBroken;
        }

        // Reach: an accepted remote delivery, or an accepted in-person/home-visit delivery within within_km.
        var offered = s.Codes & Codes.AnyDelivery;
        var localOffered = Codes.Any(offered & ctx.Accepted, Codes.Local);
        var remoteOk = Codes.Any(offered & ctx.Accepted, Codes.Remote);
        var hasDistance = q.Place is not null && !double.IsNaN(km);
        local = localOffered && hasDistance && km <= q.WithinKm;
        if (!local && !remoteOk)
        {
            var reachableOtherwise = Codes.Any(offered, Codes.Remote) || (Codes.Any(offered, Codes.Local) && hasDistance && km <= q.WithinKm);
            var b = localOffered && hasDistance ? Broken.WithinKm
                : q.Delivery is not null && reachableOtherwise ? Broken.Delivery
                : Broken.Unreachable;
            if (Add(b))
            {
                return broken;
            }
        }

        if (q.Format is { } format && !Codes.Any(s.Codes, format) && Add(Broken.Format))
        {
            return broken;
        }
        if (q.SelfAccessOnly && !Codes.Any(s.Codes, Codes.SelfAccess) && Add(Broken.Access))
        {
            return broken;
        }
        if (q.FreeOnly && !s.Free && Add(Broken.Free))
        {
            return broken;
        }
        if (q.Age is { } age && ((!float.IsNaN(s.MinimumAge) && age < s.MinimumAge) || (!float.IsNaN(s.MaximumAge) && age > s.MaximumAge)) && Add(Broken.Age))
        {
            return broken;
        }
        if (q.Gender is { } gender)
        {
            var excluded = gender switch
            {
                Gender.Woman => Codes.MenOnly,
                Gender.Man => Codes.WomenOnly,
                _ => Codes.MenOnly | Codes.WomenOnly,
            };
            if (Codes.Any(s.Codes, excluded) && Add(Broken.Gender))
            {
                return broken;
            }
        }
        if (((Codes.Any(s.Codes, Codes.StudentsOnly) && !q.Student) || (Codes.Any(s.Codes, Codes.EmployeesOnly) && !q.Employee)) && Add(Broken.Circumstances))
        {
            return broken;
        }
        if (ctx.Language != 0 && !SpeaksLanguage(ctx, s) && Add(Broken.Language))
        {
            return broken;
        }
        if ((s.Codes & q.Needs) != q.Needs && Add(Broken.Needs))
        {
            return broken;
        }
        if (q.When != WhenWindows.None && (WindowsOf(ctx, s) & q.When) == WhenWindows.None && Add(Broken.When))
        {
            return broken;
        }
        if (q.OpenNow && !ctx.Snapshot.HoursOf(s).IsOpenAt(ctx.At, ctx.Moment) && Add(Broken.OpenNow))
        {
            return broken;
        }
        return broken;
    }

    private static bool SpeaksLanguage(Context ctx, in ServiceEntry s)
    {
        if (Codes.Any(s.Codes, Codes.Interpreter))
        {
            return true;
        }
        var languages = ctx.Snapshot.LanguagesOf(s);
        // A listing that names no language is taken to be in English.
        return languages.IsEmpty ? ctx.Language == Languages.Pack(Languages.English) : languages.Contains(ctx.Language);
    }

    private static WhenWindows WindowsOf(Context ctx, in ServiceEntry s) =>
        s.WindowsAreFixed ? s.FixedWindows : ctx.Snapshot.HoursOf(s).WindowsInWeekOf(ctx.UkDate);

    private (int? Days, WaitSource Source) WaitOf(in ServiceEntry s)
    {
        if (referralWaits.TypicalWaitDays(s.Id) is { } measured)
        {
            return (measured, WaitSource.Referrals);
        }
        return s.TypicalWaitDays >= 0 ? (s.TypicalWaitDays, WaitSource.Provider) : (null, WaitSource.Unknown);
    }

    /// <summary>Fit in 0..1: a weighted mean of the parts that apply to this search.</summary>
    private double Score(Context ctx, in ServiceEntry s, double localKm)
    {
        var q = ctx.Query;
        double sum = 0, weights = 0;

        void Part(double weight, double value)
        {
            sum += weight * value;
            weights += weight;
        }

        // Closer is better; a remote-only match sits in the middle.
        Part(0.25, double.IsNaN(localKm) ? 0.5 : 1 - (0.8 * Math.Min(1, localKm / q.WithinKm)));

        if (q.Prefer != UInt128.Zero)
        {
            Part(0.35, (double)Codes.Count(s.Codes & q.Prefer) / Codes.Count(q.Prefer));
        }

        var (wait, _) = WaitOf(s);
        if (q.Urgency == Urgency.Now)
        {
            var openNow = ctx.Snapshot.HoursOf(s).IsOpenAt(ctx.At, ctx.Moment);
            Part(0.4, (openNow ? 0.6 : 0) + (Codes.Any(s.Codes, Codes.Crisis) ? 0.4 : 0));
            // Someone who needs help now is badly served by a waiting list.
            Part(0.3, wait is null ? (Codes.Any(s.Codes, Codes.SelfAccess) ? 0.5 : 0.2) : wait == 0 ? 1 : wait <= 7 ? 0.4 : 0);
        }
        else
        {
            Part(q.Urgency == Urgency.Soon ? 0.2 : 0.1, wait is null ? 0.5 : 1 / (1 + (wait.Value / (double)LongWaitDays)));
        }

        Part(0.1, s.AssuredDay < 0 ? 0 : Math.Clamp(1 - ((ctx.UkDate.DayNumber - s.AssuredDay - 183) / (730.0 - 183)), 0, 1));
        return sum / weights;
    }

    private ServiceMatch Describe(Context ctx, Candidate c)
    {
        var s = ctx.Snapshot.Services[c.Index];
        var q = ctx.Query;
        var hours = ctx.Snapshot.HoursOf(s);
        var openNow = hours.IsOpenAt(ctx.At, ctx.Moment);
        var (wait, source) = WaitOf(s);
        var reasons = new List<string>();
        var cautions = new List<string>();

        if (openNow)
        {
            reasons.Add("Open now");
        }
        if (Codes.Any(s.Codes, Codes.Crisis) && q.Urgency == Urgency.Now)
        {
            reasons.Add("Crisis support");
        }
        var windows = WindowsOf(ctx, s) & q.When;
        if ((windows & WhenWindows.WeekdayDaytime) != 0)
        {
            reasons.Add("Weekday daytime sessions");
        }
        if ((windows & WhenWindows.WeekdayEvening) != 0)
        {
            reasons.Add("Evening sessions");
        }
        if ((windows & WhenWindows.Weekend) != 0)
        {
            reasons.Add("Weekend sessions");
        }
        if (c.Local)
        {
            reasons.Add(DistanceText(c.DistanceKm));
        }
        foreach (var term in Codes.Terms(s.Codes & (q.Delivery ?? UInt128.Zero) & Codes.Remote))
        {
            reasons.Add(term.Label);
        }
        if (Codes.Any(s.Codes, Codes.Peer))
        {
            reasons.Add("Run by people with lived experience");
        }
        foreach (var term in Codes.Terms(s.Codes & ((q.Format ?? UInt128.Zero) | q.Prefer) & Codes.AllFormats))
        {
            reasons.Add(term.Label);
        }
        foreach (var term in Codes.Terms(s.Codes & q.Prefer & ~Codes.AllFormats & ~Codes.Peer & ~q.Needs))
        {
            reasons.Add(PreferenceText(term));
        }
        foreach (var term in Codes.Terms(s.Codes & q.Needs))
        {
            reasons.Add(term.Label);
        }
        if (ctx.Language != 0 && q.Language != Languages.English)
        {
            reasons.Add(ctx.Snapshot.LanguagesOf(s).Contains(ctx.Language)
                ? $"In {Languages.NamesByCode.GetValueOrDefault(q.Language!, q.Language!)}"
                : "Interpreters available");
        }
        if (s.Free)
        {
            reasons.Add("Free");
        }
        if (Codes.Any(s.Codes, Codes.Of("access:no-referral")))
        {
            reasons.Add("Just call or turn up");
        }
        else if (Codes.Any(s.Codes, Codes.Of("access:self-referral")))
        {
            reasons.Add("You can refer yourself");
        }
        if (wait == 0)
        {
            reasons.Add("No waiting list");
        }

        if ((s.Codes & Codes.AllFormats) == Codes.Group)
        {
            cautions.Add("Group sessions only");
        }
        if (wait is > 0)
        {
            cautions.Add(WaitText(wait.Value));
        }
        if (!Codes.Any(s.Codes, Codes.SelfAccess))
        {
            if (Codes.Any(s.Codes, Codes.GpReferral))
            {
                cautions.Add("Needs a GP referral");
            }
            else if (Codes.Any(s.Codes, Codes.ProfessionalReferral))
            {
                cautions.Add("Needs a referral from a professional");
            }
        }
        if (!s.Free)
        {
            cautions.Add("Costs money");
        }
        if (s.AssuredDay < 0)
        {
            cautions.Add("Not known when this listing was last checked");
        }
        else if (ListingFreshness.MonthsSince(DateOnly.FromDayNumber(s.AssuredDay), ctx.UkDate) is var months and >= ListingFreshness.StaleAfterMonths)
        {
            cautions.Add($"Listing not checked for {months} months");
        }
        if (!hours.HasTimes)
        {
            cautions.Add("Contact for times");
        }

        var organization = s.Organization >= 0 ? ctx.Snapshot.Organizations[s.Organization] : (OrganizationEntry?)null;
        return new ServiceMatch(
            s.Id,
            s.Name,
            organization?.Id,
            organization?.Name,
            Math.Round(c.Score, 2),
            c.Local ? Math.Round(c.DistanceKm, 1) : null,
            Values(s.Codes, "delivery"),
            Values(s.Codes, "format"),
            Values(s.Codes, "delivered-by"),
            openNow,
            hours.NextOpen(ctx.At),
            wait,
            source,
            reasons,
            cautions)
        {
            OpenUntil = openNow ? hours.OpenUntil(ctx.At) : null,
        };
    }

    private static List<string> Values(UInt128 codes, string family) =>
        [.. Codes.Terms(codes & Codes.Family(family)).Select(t => t.Value)];

    private IReadOnlyList<NearestMiss> NearestMisses(Context ctx)
    {
        var q = ctx.Query;
        var services = ctx.Snapshot.Services;
        var found = new List<(Candidate Candidate, Broken Broken)>();
        var nearby = Nearby(ctx, Math.Min(q.WithinKm + MissSearchExtraKm, MatchQuery.MaxWithinKm + MissSearchExtraKm));
        foreach (var (index, km) in nearby.Items)
        {
            var broken = Evaluate(ctx, services[index], km, 1, out _);
            if (IsSingle(broken))
            {
                found.Add((new Candidate(index, services[index].Id, Score(ctx, services[index], Math.Min(km, q.WithinKm)), km, true), broken));
            }
        }
        var alreadySeen = 0;
        foreach (var index in ctx.Snapshot.RemoteServices)
        {
            if (nearby.Contains(index, ref alreadySeen))
            {
                continue;
            }
            var broken = Evaluate(ctx, services[index], double.NaN, 1, out _);
            if (IsSingle(broken))
            {
                found.Add((new Candidate(index, services[index].Id, Score(ctx, services[index], double.NaN), double.NaN, false), broken));
            }
        }
        found.Sort((a, b) => Before(a.Candidate, b.Candidate) ? -1 : Before(b.Candidate, a.Candidate) ? 1 : 0);

        // One of each kind first, so the person sees the different things they could relax.
        var chosen = new List<(Candidate Candidate, Broken Broken)>();
        foreach (var f in found)
        {
            if (chosen.Count < MaxNearestMisses && !chosen.Exists(c => c.Broken == f.Broken))
            {
                chosen.Add(f);
            }
        }
        foreach (var f in found)
        {
            if (chosen.Count < MaxNearestMisses && !chosen.Contains(f))
            {
                chosen.Add(f);
            }
        }
        chosen.Sort((a, b) => Before(a.Candidate, b.Candidate) ? -1 : Before(b.Candidate, a.Candidate) ? 1 : 0);
        return [.. chosen.Select(c => new NearestMiss(
            services[c.Candidate.Index].Id,
            services[c.Candidate.Index].Name,
            ParameterOf(c.Broken),
            MissText(ctx, services[c.Candidate.Index], c.Broken, c.Candidate.DistanceKm),
            double.IsNaN(c.Candidate.DistanceKm) ? null : Math.Round(c.Candidate.DistanceKm, 1)))];
    }

    private static bool IsSingle(Broken broken) => broken != Broken.None && (broken & Broken.Unreachable) == 0 && ((int)broken & ((int)broken - 1)) == 0;

    private static string ParameterOf(Broken b) => b switch
    {
        Broken.WithinKm => "within_km",
        Broken.Delivery => "delivery",
        Broken.Format => "format",
        Broken.When => "when",
        Broken.OpenNow => "open_now",
        Broken.Access => "access",
        Broken.Free => "free",
        Broken.Age => "age",
        Broken.Gender => "gender",
        Broken.Circumstances => "circumstances",
        Broken.Language => "language",
        Broken.Needs => "needs",
        _ => throw new ArgumentOutOfRangeException(nameof(b), b, null),
    };

    private static string MissText(Context ctx, in ServiceEntry s, Broken b, double km)
    {
        var q = ctx.Query;
        return b switch
        {
            Broken.WithinKm => $"{Math.Round(km).ToString(CultureInfo.InvariantCulture)} km away — further than the {q.WithinKm.ToString("0.#", CultureInfo.InvariantCulture)} km you said",
            Broken.Delivery => $"Only {JoinLabels(s.Codes & Codes.AnyDelivery)} — not a way you chose",
            Broken.Format => $"Only {JoinLabels(s.Codes & Codes.AllFormats)} — not the kind of support you chose",
            Broken.When => "Not open at the times you chose",
            Broken.OpenNow => ctx.Snapshot.HoursOf(s).NextOpen(ctx.At) is { } next
                ? $"Closed now — opens {UkTime.ToLocal(next).ToString("dddd d MMMM 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"))}"
                : "Closed now — contact them for times",
            Broken.Access => "Needs a referral — you asked for services you can contact yourself",
            Broken.Free => "Costs money — you asked for free services",
            Broken.Age => AgeText(s, q.Age),
            Broken.Gender => Codes.Any(s.Codes, Codes.WomenOnly) ? "For women only" : "For men only",
            Broken.Circumstances => Codes.Any(s.Codes, Codes.StudentsOnly) ? "For students only" : "For people in work only",
            Broken.Language => $"Not available in {Languages.NamesByCode.GetValueOrDefault(q.Language ?? "", q.Language ?? "")}",
            Broken.Needs => $"Does not list {JoinLabels(q.Needs & ~s.Codes).ToLowerInvariant()}",
            _ => "",
        };
    }

    private static string AgeText(in ServiceEntry s, int? age)
    {
        var min = float.IsNaN(s.MinimumAge) ? null : s.MinimumAge.ToString("0.#", CultureInfo.InvariantCulture);
        var max = float.IsNaN(s.MaximumAge) ? null : s.MaximumAge.ToString("0.#", CultureInfo.InvariantCulture);
        var range = (min, max) switch
        {
            ({ } a, { } b) => $"For ages {a} to {b}",
            ({ } a, null) => $"For people aged {a} and over",
            (null, { } b) => $"For people aged up to {b}",
            _ => "Has an age limit",
        };
        return $"{range} — you said you are {age}";
    }

    private static string JoinLabels(UInt128 codes)
    {
        var labels = Codes.Terms(codes).Select(t => t.Label.ToLowerInvariant()).ToList();
        return labels.Count switch
        {
            0 => "other ways",
            1 => labels[0],
            _ => string.Join(", ", labels[..^1]) + " or " + labels[^1],
        };
    }

    private bool NeedsSomethingMeanwhile(Context ctx, Candidate best)
    {
        var s = ctx.Snapshot.Services[best.Index];
        var (wait, _) = WaitOf(s);
        return wait is > LongWaitDays || (wait is null && !Codes.Any(s.Codes, Codes.SelfAccess));
    }

    /// <summary>Drop-ins, peer groups and helplines with no wait that fit everything else the person said (any format).</summary>
    private List<WhileYouWait> SomethingMeanwhile(Context ctx, ReadOnlySpan<Candidate> shown, NearbySet nearby)
    {
        var services = ctx.Snapshot.Services;
        var noWait = Codes.DropIn | Codes.PeerSupport | Codes.Helpline;
        var picked = new Candidate[MaxWhileYouWait];
        var count = 0;
        var shownIds = new HashSet<int>();
        foreach (var c in shown)
        {
            shownIds.Add(c.Index);
        }

        void Consider(int index, double km)
        {
            ref readonly var s = ref services[index];
            if (!Codes.Any(s.Codes, noWait) || !Codes.Any(s.Codes, Codes.SelfAccess) || shownIds.Contains(index) || WaitOf(s).Days is > 0)
            {
                return;
            }
            if (Evaluate(ctx, s, km, 0, out var local, ignore: Broken.Format) == Broken.None)
            {
                Offer(picked, ref count, new Candidate(index, s.Id, Score(ctx, s, local ? km : double.NaN), km, local));
            }
        }

        foreach (var (index, km) in nearby.Items)
        {
            Consider(index, km);
        }
        var acceptedRemote = ctx.Accepted & Codes.Remote;
        var alreadySeen = 0;
        foreach (var bucket in ctx.Snapshot.RemoteBuckets)
        {
            if (!Codes.Any(bucket.Codes, acceptedRemote))
            {
                continue;
            }
            for (var index = bucket.Start; index < bucket.End; index++)
            {
                if (!nearby.Contains(index, ref alreadySeen))
                {
                    Consider(index, double.NaN);
                }
            }
        }
        var list = new List<WhileYouWait>(count);
        for (var i = 0; i < count; i++)
        {
            var s = services[picked[i].Index];
            var reason = Codes.Any(s.Codes, Codes.DropIn) ? "A drop-in: no appointment or waiting list"
                : Codes.Any(s.Codes, Codes.Helpline) ? "A helpline you can call while you wait"
                : "A peer support group with people who have been there";
            list.Add(new WhileYouWait(s.Id, s.Name, reason));
        }
        return list;
    }

    private static string PreferenceText(Vocabulary.Term term) => term.Family switch
    {
        "audience" => "Designed for " + LowerFirst(term.Label),
        "delivered-by" => "With " + LowerFirst(term.Label),
        "setting" => "At a " + LowerFirst(term.Label),
        _ => term.Label,
    };

    private static string LowerFirst(string s) =>
        s.Length > 1 && char.IsUpper(s[0]) && char.IsLower(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    public static string DistanceText(double km) =>
        km < 1 ? "Less than 1 km away" : $"{Math.Round(km).ToString(CultureInfo.InvariantCulture)} km away";

    public static string WaitText(int days) =>
        days >= LongWaitDays
            ? $"About {WithArticle((int)Math.Round(days / 7.0))}-week wait"
            : $"About {WithArticle(days)}-day wait";

    // "an 8-week wait", "an 11-day wait", "an 18-day wait": the article follows how the number is said.
    private static string WithArticle(int n)
    {
        var text = n.ToString(CultureInfo.InvariantCulture);
        var spokenWithVowel = text.StartsWith('8') || n is 11 or 18;
        return (spokenWithVowel ? "an " : "a ") + text;
    }
}
