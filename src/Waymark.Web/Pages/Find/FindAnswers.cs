using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;
using Waymark.Web.Match;

namespace Waymark.Web.Pages.Find;

/// <summary>
/// What a person has said so far, carried only in the query string under the matching API's own parameter names
/// (docs/contracts/matching.md §2): nothing is stored on the server and no cookie is set, and a results address works for the API too.
/// Checkboxes arrive as repeated parameters (<c>delivery=phone&amp;delivery=text</c>); here they become one comma list.
/// </summary>
public sealed class FindAnswers
{
    /// <summary>Parameters that hold a comma list; the others hold one value (<c>near</c> may itself contain a comma).</summary>
    public static readonly IReadOnlySet<string> ListParameters = new HashSet<string>(StringComparer.Ordinal)
    {
        "delivery", "format", "when", "circumstances", "member_of", "needs", "prefer",
    };

    private readonly Dictionary<string, List<string>> _values;

    private string? _queryString;

    private FindAnswers(Dictionary<string, List<string>> values) => _values = values;

    public static FindAnswers Empty { get; } = new([]);

    public static FindAnswers From(IQueryCollection query)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in MatchApi.Parameters)
        {
            if (!query.TryGetValue(name, out var given))
            {
                continue;
            }
            var items = new List<string>();
            foreach (var value in given)
            {
                var v = value?.Trim();
                if (string.IsNullOrEmpty(v))
                {
                    continue;
                }
                if (ListParameters.Contains(name))
                {
                    foreach (var item in v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (!items.Contains(item))
                        {
                            items.Add(item);
                        }
                    }
                }
                else
                {
                    // A single value given twice: the last one wins, as a person changing a field would expect.
                    items = [v];
                }
            }
            if (items.Count > 0)
            {
                values[name] = items;
            }
        }
        return new FindAnswers(values);
    }

    public bool IsEmpty => _values.Count == 0;

    public bool Has(string name) => _values.ContainsKey(name);

    public IReadOnlyList<string> Items(string name) => _values.TryGetValue(name, out var items) ? items : [];

    public bool Contains(string name, string item) => Items(name).Contains(item);

    /// <summary>The value as the API reads it: a comma list for list parameters.</summary>
    public string? Value(string name) => _values.TryGetValue(name, out var items) ? string.Join(",", items) : null;

    public IEnumerable<string> Names => MatchApi.Parameters.Where(_values.ContainsKey);

    /// <summary>These answers without the items <paramref name="drop"/> says to leave out.</summary>
    public FindAnswers Without(Func<string, string, bool> drop)
    {
        var kept = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, items) in _values)
        {
            var left = items.Where(i => !drop(name, i)).ToList();
            if (left.Count > 0)
            {
                kept[name] = left;
            }
        }
        return new FindAnswers(kept);
    }

    public FindAnswers Without(params string[] names) => Without((name, _) => names.Contains(name));

    public FindAnswers With(string name, string value)
    {
        var copy = _values.ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.Ordinal);
        copy[name] = ListParameters.Contains(name) ? [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : [value];
        return new FindAnswers(copy);
    }

    /// <summary>The answers as the API's query collection, one value per parameter.</summary>
    public IQueryCollection ToQuery() =>
        new QueryCollection(Names.ToDictionary(n => n, n => new StringValues(Value(n)), StringComparer.Ordinal));

    /// <summary>"?near=Leeds&amp;format=one-to-one", in the contract's parameter order; "" when there are no answers.</summary>
    /// <remarks>
    /// Built once: answers never change after they are made (<see cref="With"/> and <see cref="Without"/> make new ones),
    /// and a results page links every card with the same answers.
    /// </remarks>
    public string ToQueryString()
    {
        if (_queryString is null)
        {
            var builder = new QueryBuilder();
            foreach (var name in Names)
            {
                builder.Add(name, Value(name)!);
            }
            _queryString = builder.ToQueryString().Value ?? "";
        }
        return _queryString;
    }

    /// <summary>The address with these answers on it.</summary>
    public string Link(string path) => path + ToQueryString();

    /// <summary>True when the query string is already one value per parameter (no repeats, empties or strangers).</summary>
    public static bool IsCanonical(IQueryCollection query, FindAnswers answers)
    {
        return query.Count == answers._values.Count
            && query.All(kv => kv.Value.Count == 1 && answers.Value(kv.Key) is { } v && v == kv.Value[0]);
    }
}
