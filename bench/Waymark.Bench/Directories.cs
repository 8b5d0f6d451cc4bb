using Waymark.Core.Matching;
using Waymark.Core.Oruk;

namespace Waymark.Bench;

/// <summary>Snapshots of <c>waymark generate --seed 1</c> directories, built straight from the generated entities in memory.</summary>
public static class Directories
{
    public const int Seed = 1;

    /// <summary>The instant snapshots are built at (as the web app builds them at start).</summary>
    public static readonly DateTimeOffset BuiltAt = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    public static DirectorySnapshot Build(int services) =>
        DirectorySnapshot.From(new SyntheticDirectory(Seed).Generate(services), BuiltAt);

    public static Matcher NewMatcher() => new(new NoReferralWaits());
}
