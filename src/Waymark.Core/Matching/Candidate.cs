namespace Waymark.Core.Matching;

/// <summary>A service in the running for a place in the results, with its score and distance.</summary>
internal readonly record struct Candidate(int Index, Guid Id, double Score, double DistanceKm, bool Local)
{
    public static readonly Comparison<Candidate> Order = (a, b) => Before(a, b) ? -1 : Before(b, a) ? 1 : 0;

    /// <summary>Keeps the best <c>limit</c> candidates in order without sorting everything: score first, then id.</summary>
    public static void Offer(Candidate[] top, ref int count, Candidate c)
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

    public static bool Before(Candidate a, Candidate b) => a.Score > b.Score || (a.Score == b.Score && a.Id.CompareTo(b.Id) < 0);

    /// <summary>Whether a service is among the results shown (at most <see cref="MatchQuery.MaxLimit"/>, so a plain scan).</summary>
    public static bool IsShown(ReadOnlySpan<Candidate> shown, int index)
    {
        foreach (var c in shown)
        {
            if (c.Index == index)
            {
                return true;
            }
        }
        return false;
    }
}
