using System.Runtime.CompilerServices;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Core.Schedules;

namespace Waymark.Core.Matching;

/// <summary>The hard constraints (docs/contracts/matching.md §2): never broken in the results.</summary>
internal static class Constraints
{
    /// <summary>Which hard constraints a service breaks; stops counting once more than <paramref name="maxBroken"/> are broken.</summary>
    public static BrokenConstraint Evaluate(MatchContext ctx, int index, in ServiceEntry s, double km, int maxBroken, out bool local, BrokenConstraint ignore = BrokenConstraint.None)
    {
        var q = ctx.Query;
        var broken = BrokenConstraint.None;
        var brokenCount = 0;
        local = false;

        // A listing nobody has checked for a year drops out of matching; its page stays reachable, marked.
        if (s.AssuredDay >= 0 && s.AssuredDay <= ctx.ExpiredOnOrBeforeDay)
        {
            return BrokenConstraint.Unreachable;
        }

        bool Add(BrokenConstraint b)
        {
            if ((ignore & b) != 0)
            {
                return false;
            }
            broken |= b;
            brokenCount += b == BrokenConstraint.Unreachable ? 2 : 1;
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
            var b = localOffered && hasDistance ? BrokenConstraint.WithinKm
                : q.Delivery is not null && reachableOtherwise ? BrokenConstraint.Delivery
                : BrokenConstraint.Unreachable;
            if (Add(b))
            {
                return broken;
            }
        }

        if (!ctx.Limits.InArea(index) && Add(BrokenConstraint.Near))
        {
            return broken;
        }
        // Only for another organisation's people: nothing the person could change lets them in, so never a near miss.
        if (!ctx.Limits.MayJoin(index, s.Codes) && Add(BrokenConstraint.Unreachable))
        {
            return broken;
        }
        if (q.Format is { } format && !Codes.Any(s.Codes, format) && Add(BrokenConstraint.Format))
        {
            return broken;
        }
        if (q.SelfAccessOnly && !Codes.Any(s.Codes, Codes.SelfAccess) && Add(BrokenConstraint.Access))
        {
            return broken;
        }
        if (q.FreeOnly && !s.Free && Add(BrokenConstraint.Free))
        {
            return broken;
        }
        if (q.Age is { } age && ((!float.IsNaN(s.MinimumAge) && age < s.MinimumAge) || (!float.IsNaN(s.MaximumAge) && age > s.MaximumAge)) && Add(BrokenConstraint.Age))
        {
            return broken;
        }
        if (Codes.Any(s.Codes, ctx.GenderExcluded) && Add(BrokenConstraint.Gender))
        {
            return broken;
        }
        if (Codes.Any(s.Codes, ctx.CircumstancesExcluded) && Add(BrokenConstraint.Circumstances))
        {
            return broken;
        }
        if (ctx.Language != 0 && !SpeaksLanguage(ctx, s) && Add(BrokenConstraint.Language))
        {
            return broken;
        }
        if ((s.Codes & q.Needs) != q.Needs && Add(BrokenConstraint.Needs))
        {
            return broken;
        }
        if (q.When != WhenWindows.None && (WindowsOf(ctx, s) & q.When) == WhenWindows.None && Add(BrokenConstraint.When))
        {
            return broken;
        }
        if (q.OpenNow && !ctx.Snapshot.HoursOf(s).IsOpenAt(ctx.At, ctx.Moment) && Add(BrokenConstraint.OpenNow))
        {
            return broken;
        }
        return broken;
    }

    public static bool SpeaksLanguage(MatchContext ctx, in ServiceEntry s)
    {
        if (Codes.Any(s.Codes, Codes.Interpreter))
        {
            return true;
        }
        var languages = ctx.Snapshot.LanguagesOf(s);
        // A listing that names no language is taken to be in English.
        return languages.IsEmpty ? ctx.Language == Languages.Pack(Languages.English) : languages.Contains(ctx.Language);
    }

    public static WhenWindows WindowsOf(MatchContext ctx, in ServiceEntry s) =>
        s.WindowsAreFixed ? s.FixedWindows : ctx.Snapshot.HoursOf(s).WindowsInWeekOf(ctx.UkDate);

    /// <summary>The hard constraints other than reach and format, read from the flat columns (<see cref="FlatConstraints"/>) and the schedule.</summary>
    public static bool MeetsBesidesReach(MatchContext ctx, in FlatConstraints flat, int index) =>
        flat.Meets(index) && MeetsRest(ctx, index, ctx.Snapshot.FactCodes[index]);

    /// <summary>
    /// What every pass asks of a service once the flat constraints are met (and reach, where the pass needs it): the
    /// person's area, then membership, then, last, the schedule and languages, which read the service's entry.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool MeetsRest(MatchContext ctx, int index, UInt128 codes)
    {
        var limits = ctx.Limits;
        // Without member_of, the flat constraints already left members-only services out.
        return limits.InArea(index) && (!limits.ChecksMembership || limits.MayJoin(index, codes))
            && (!ctx.HasSlowConstraints || MeetsSlow(ctx, index));
    }

    /// <summary>"when", "language" and "open now", which need the service's schedule or languages.</summary>
    public static bool MeetsSlow(MatchContext ctx, int index)
    {
        var q = ctx.Query;
        var snapshot = ctx.Snapshot;
        if (q.When != WhenWindows.None)
        {
            var windows = index < snapshot.RemoteServices.Length ? ctx.RemoteWindows![index]
                : (snapshot.FactFlags[index] & FactFlags.WindowsFixed) != 0 ? snapshot.FactWindows[index] : snapshot.HoursOf(snapshot.Services[index]).WindowsInWeekOf(ctx.UkDate);
            if ((windows & q.When) == WhenWindows.None)
            {
                return false;
            }
        }
        if (ctx.Language != 0 && !SpeaksLanguage(ctx, snapshot.Services[index]))
        {
            return false;
        }
        return !q.OpenNow || (index < snapshot.RemoteServices.Length
            ? (ctx.OpenRemote![index >> 6] & (1UL << index)) != 0
            : snapshot.HoursOf(snapshot.Services[index]).IsOpenAt(ctx.At, ctx.Moment));
    }

    public static bool IsSingle(BrokenConstraint broken) => broken != BrokenConstraint.None && (broken & BrokenConstraint.Unreachable) == 0 && ((int)broken & ((int)broken - 1)) == 0;
}
