using System.Collections.Concurrent;
using Waymark.Core.Insights;
using Waymark.Core.Matching;

namespace Waymark.Web.Match;

/// <summary>
/// The match API's answers from the current minute, as the bytes that were sent, so that identical searches share one
/// piece of work. Many people search the same way at once (a town's name and a few answers, after a campaign or a news
/// story), and that is when the server is busiest.
/// <para>
/// An answer depends on nothing but the query string, the directory snapshot, the measured referral waits and the
/// minute it is worked out for (the API searches at the start of the minute; openings start and end on whole minutes
/// and listings expire by the day). Answers are kept under exactly those, so a kept answer is the one a fresh search
/// would give, byte for byte; a new snapshot, new measured waits or the next minute starts an empty set.
/// </para>
/// <para>
/// Query strings can hold a postcode, an age or a gender, so they live here only in memory, for at most a minute, and
/// are never logged or written anywhere. An answer is kept only when its query string comes a second time in the
/// minute: a one-off search (the most identifying kind, and most searches when the server is quiet) leaves nothing but a
/// hash, and costs the garbage collector nothing. The set is bounded: when it is full, it starts again empty.
/// </para>
/// </summary>
public sealed class MatchAnswers(int maxAnswers = MatchAnswers.DefaultMaxAnswers, long maxBytes = MatchAnswers.DefaultMaxBytes)
{
    public const int DefaultMaxAnswers = 4096;
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    /// <summary>Longer query strings are searched but not kept: a real search's query string is a few hundred characters.</summary>
    public const int MaxQueryLength = 1024;

    private const int SightingSlots = 16384;

    /// <param name="Json">The response body.</param>
    /// <param name="UnmetNeed">What to count as unmet need each time this answer is given, when it found nothing.</param>
    public sealed record Answer(byte[] Json, UnmetNeedKey? UnmetNeed);

    private sealed class Minute(DirectorySnapshot snapshot, IReadOnlyDictionary<Guid, int> measuredWaits, long minute)
    {
        public long Number => minute;
        public readonly ConcurrentDictionary<string, Answer> Answers = new(StringComparer.Ordinal);
        public long Bytes;
        public int Kept;

        // The hash of the query string last searched in each slot: a direct-mapped table, bounded and lock-free, where
        // a clash only makes a search wait for one more sighting.
        private readonly int[] _sightings = new int[SightingSlots];

        /// <summary>Whether this query string was searched before in this set (as far as its slot remembers); notes it if not.</summary>
        public bool SeenBefore(string query)
        {
            var hash = query.GetHashCode(StringComparison.Ordinal);
            ref var slot = ref _sightings[hash & (SightingSlots - 1)];
            if (Volatile.Read(ref slot) == hash)
            {
                return true;
            }
            Volatile.Write(ref slot, hash);
            return false;
        }

        public bool IsFull(int maxAnswers, long maxBytes) => Volatile.Read(ref Kept) >= maxAnswers || Interlocked.Read(ref Bytes) >= maxBytes;

        public bool Holds(DirectorySnapshot s, IReadOnlyDictionary<Guid, int> waits, long m) =>
            m == minute && ReferenceEquals(s, snapshot) && ReferenceEquals(waits, measuredWaits);
    }

    private Minute? _current;
    private long _given;

    /// <summary>How many answers have been given from here rather than worked out again.</summary>
    public long Given => Interlocked.Read(ref _given);

    /// <summary>How many answers are kept now (for the current snapshot, waits and minute).</summary>
    public int Count => Volatile.Read(ref _current)?.Answers.Count ?? 0;

    /// <summary>The minute (counted from 0001-01-01 UTC) that a search at <paramref name="now"/> is worked out for.</summary>
    public static long MinuteOf(DateTimeOffset now) => now.UtcTicks / TimeSpan.TicksPerMinute;

    /// <summary>The start of that minute: the instant the API searches at, so a kept answer and a fresh one agree.</summary>
    public static DateTimeOffset StartOf(long minute) => new(minute * TimeSpan.TicksPerMinute, TimeSpan.Zero);

    /// <summary>The answer kept for this query string, snapshot, set of measured waits and minute, if there is one.</summary>
    public bool TryGet(string query, DirectorySnapshot snapshot, IReadOnlyDictionary<Guid, int> measuredWaits, long minute, out Answer answer)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Holds(snapshot, measuredWaits, minute) && current.Answers.TryGetValue(query, out answer!))
        {
            Interlocked.Increment(ref _given);
            return true;
        }
        answer = null!;
        return false;
    }

    /// <summary>Keeps an answer just worked out if its query string was searched before in this set (and is not too long to be a real search).</summary>
    public void Keep(string query, DirectorySnapshot snapshot, IReadOnlyDictionary<Guid, int> measuredWaits, long minute, Answer answer)
    {
        if (query.Length > MaxQueryLength)
        {
            return;
        }
        var current = Volatile.Read(ref _current);
        if (current is not null && minute < current.Number)
        {
            // A search still finishing in the minute before must not throw away the new minute's answers.
            return;
        }
        if (current is null || !current.Holds(snapshot, measuredWaits, minute) || current.IsFull(maxAnswers, maxBytes))
        {
            // Full: start again rather than stop keeping, or a burst of one-off searches early in a minute would shut out
            // the searches that repeat for the rest of it; those come back within moments. (A search finishing on the
            // snapshot before can also start a new set, once: the set is keyed by its snapshot, so that costs work, never
            // a wrong answer.)
            var fresh = new Minute(snapshot, measuredWaits, minute);
            if (Interlocked.CompareExchange(ref _current, fresh, current) != current)
            {
                return;
            }
            current = fresh;
        }
        if (!current.SeenBefore(query))
        {
            return;
        }
        // Counted here rather than by Answers.Count, which locks the whole dictionary.
        if (Interlocked.Increment(ref current.Kept) > maxAnswers || Interlocked.Add(ref current.Bytes, answer.Json.Length + (query.Length * 2L)) > maxBytes)
        {
            return;
        }
        current.Answers.TryAdd(query, answer);
    }
}
