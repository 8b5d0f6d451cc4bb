using System.Collections.Frozen;
using Waymark.Core.Directory;

namespace Waymark.Core.Matching;

/// <summary>
/// Vocabulary codes as bits of a 128-bit set (the vocabulary has fewer than 128 terms), so a service's facts are
/// two machine words and a hard constraint is one AND.
/// </summary>
public static class Codes
{
    private static readonly FrozenDictionary<string, int> BitOf = Vocabulary.Terms
        .Select((t, i) => (t.Code, i))
        .ToFrozenDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);

    public static readonly UInt128 InPerson = Of("delivery:in-person");
    public static readonly UInt128 HomeVisit = Of("delivery:home-visit");
    public static readonly UInt128 Phone = Of("delivery:phone");
    public static readonly UInt128 Online = Of("delivery:online");
    public static readonly UInt128 Text = Of("delivery:text");
    public static readonly UInt128 Local = InPerson | HomeVisit;
    public static readonly UInt128 Remote = Phone | Online | Text;
    public static readonly UInt128 AnyDelivery = Local | Remote;
    public static readonly UInt128 SelfAccess = Of("access:no-referral") | Of("access:self-referral");
    public static readonly UInt128 GpReferral = Of("access:gp-referral");
    public static readonly UInt128 ProfessionalReferral = Of("access:professional-referral");
    public static readonly UInt128 WomenOnly = Of("eligibility:women-only");
    public static readonly UInt128 MenOnly = Of("eligibility:men-only");
    public static readonly UInt128 StudentsOnly = Of("eligibility:students-only");
    public static readonly UInt128 EmployeesOnly = Of("eligibility:employees-only");
    public static readonly UInt128 MembersOnly = Of("eligibility:members-only");
    public static readonly UInt128 Interpreter = Of("access-needs:interpreter");
    public static readonly UInt128 OneToOne = Of("format:one-to-one");
    public static readonly UInt128 Group = Of("format:group");
    public static readonly UInt128 DropIn = Of("format:drop-in");
    public static readonly UInt128 Helpline = Of("format:helpline");
    public static readonly UInt128 PeerSupport = Of("support:peer-support");
    public static readonly UInt128 Crisis = Of("support:crisis");
    public static readonly UInt128 Peer = Of("delivered-by:peer");
    public static readonly UInt128 ClosedBankHolidays = Of("schedule:closed-bank-holidays");
    public static readonly UInt128 AllFormats = Family("format");

    public static bool TryBit(string code, out UInt128 bit)
    {
        if (BitOf.TryGetValue(code, out var i))
        {
            bit = UInt128.One << i;
            return true;
        }
        bit = UInt128.Zero;
        return false;
    }

    public static UInt128 Of(string code) =>
        TryBit(code, out var bit) ? bit : throw new ArgumentException($"'{code}' is not a Waymark code", nameof(code));

    public static UInt128 Family(string family)
    {
        var set = UInt128.Zero;
        foreach (var t in Vocabulary.Family(family))
        {
            set |= Of(t.Code);
        }
        return set;
    }

    public static bool Any(UInt128 set, UInt128 of) => (set & of) != UInt128.Zero;

    /// <summary>The codes in a set, in vocabulary order (lowest bit first).</summary>
    public static IEnumerable<Vocabulary.Term> Terms(UInt128 set)
    {
        // Only the set bits are visited: the words of each result ask for a few codes of sets that are mostly empty.
        for (var bits = set; bits != UInt128.Zero; bits &= bits - 1)
        {
            var i = (int)UInt128.TrailingZeroCount(bits);
            if (i >= Vocabulary.Terms.Count)
            {
                yield break;
            }
            yield return Vocabulary.Terms[i];
        }
    }

    public static int Count(UInt128 set) => (int)UInt128.PopCount(set);
}
