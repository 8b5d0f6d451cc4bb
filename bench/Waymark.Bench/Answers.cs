using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Waymark.Bench;

/// <summary>
/// Proof in process that a change to the matcher leaves every answer the same: each of the 1,000 bench searches is
/// matched once on a generated directory and its whole outcome (results, scores, distances, words, near misses,
/// while-you-wait, the total) written as JSON and hashed, one line per search, then one hash over all of them. Run it
/// with the old build and the new one and compare the files (<c>diff</c> names the searches that differ). Unlike
/// <c>bench/answer-hashes.sh</c> it needs no server and no database, and it can be run at 1M services.
/// </summary>
public static class Answers
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static void Write(IReadOnlyList<int> sizes, string file)
    {
        var queries = QuerySet.Create();
        using var writer = new StreamWriter(file);
        foreach (var size in sizes)
        {
            var snapshot = Directories.Build(size);
            var matcher = Directories.NewMatcher();
            using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            // Twice: the first pass finds the remote counts, the second uses them (the path most searches take).
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var q in queries)
                {
                    var json = JsonSerializer.SerializeToUtf8Bytes(matcher.Match(snapshot, q.Query, Directories.BuiltAt), Options);
                    var hash = Convert.ToHexStringLower(SHA256.HashData(json));
                    all.AppendData(json);
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size} {pass} {hash} {q.QueryString}"));
                }
            }
            var total = Convert.ToHexStringLower(all.GetHashAndReset());
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size} all {total}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size,9:N0} services: {queries.Count} searches twice, all {total}"));
        }
    }
}
