using System.Reflection;
using System.Text.RegularExpressions;

namespace Waymark.Tests.Docs;

/// <summary>
/// docs/safety/hazard-log.md names, for each hazard, the tests that prove its mitigation. A name that matches no test
/// would be a control nobody checks, so each must be a test that runs: a [Fact] or [Theory], not skipped, in this
/// assembly (found by reflection) or in the browser tests (found in their sources, which need no browser to read).
/// </summary>
public sealed partial class HazardLogTests
{
    [Fact]
    public void Every_test_the_hazard_log_names_exists_and_runs()
    {
        var known = InProcessTests().Concat(BrowserTests()).ToHashSet(StringComparer.Ordinal);
        var hazards = Hazards();

        var missing = hazards
            .SelectMany(h => h.Tests.Where(t => !known.Contains(t)).Select(t => $"{h.Id} names {t}"))
            .ToList();

        Assert.True(hazards.Sum(h => h.Tests.Count) > 0, "The hazard log names no tests at all: is its Tests row still written `| **Tests** | `A.B.C`, … |`?");
        Assert.True(missing.Count == 0,
            "The hazard log names tests that do not exist (or are skipped). Write each as Namespace.Class.Method, and change "
            + "docs/safety/hazard-log.md when a test is renamed or removed:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_hazard_names_a_test_or_the_issue_that_will_bring_its_controls()
    {
        var hazards = Hazards();

        Assert.NotEmpty(hazards);
        Assert.Equal(hazards.Select(h => h.Id).Distinct(StringComparer.Ordinal).Count(), hazards.Count);
        Assert.All(hazards, h => Assert.True(
            h.Tests.Count > 0 || PlannedPattern().IsMatch(h.Status),
            $"{h.Id} names no test; name the tests that prove its mitigation, or say \"planned: issue N\" in its Status row."));
    }

    private sealed record Hazard(string Id, IReadOnlyList<string> Tests, string Status);

    /// <summary>Each "### HAZ-nn" section, with the backticked names of its Tests row and the text of its Status row.</summary>
    private static List<Hazard> Hazards()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "safety", "hazard-log.md"));
        var hazards = new List<Hazard>();
        foreach (System.Text.RegularExpressions.Match section in SectionPattern().Matches(text))
        {
            var body = section.Groups["body"].Value;
            List<string> tests = TestsRowPattern().Match(body) is { Success: true } row
                ? [.. NamePattern().Matches(row.Groups["cell"].Value).Select(m => m.Groups["name"].Value)]
                : [];
            var status = StatusRowPattern().Match(body) is { Success: true } s ? s.Groups["cell"].Value : "";
            hazards.Add(new Hazard(section.Groups["id"].Value, tests, status));
        }
        return hazards;
    }

    /// <summary>Every test method of this assembly, as Namespace.Class.Method (a nested class's outer class name included).</summary>
    private static IEnumerable<string> InProcessTests() =>
        typeof(HazardLogTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttribute<FactAttribute>() is { Skip: null })
                .Select(m => $"{t.FullName!.Replace('+', '.')}.{m.Name}"));

    /// <summary>
    /// The browser tests' methods, read from their sources: loading that assembly would need it built (and Playwright
    /// beside it), while its sources are in every clone. Each file has one namespace; a test method belongs to the
    /// class declared last above it.
    /// </summary>
    private static IEnumerable<string> BrowserTests()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "Waymark.BrowserTests");
        var sep = Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal)))
        {
            var source = File.ReadAllText(file);
            var ns = NamespacePattern().Match(source).Groups["name"].Value;
            string? type = null;
            var attributed = false;
            foreach (var line in source.Split('\n'))
            {
                if (ClassPattern().Match(line) is { Success: true } c)
                {
                    type = c.Groups["name"].Value;
                }
                if (TestAttributePattern().IsMatch(line))
                {
                    attributed = !line.Contains("Skip", StringComparison.Ordinal);
                }
                else if (attributed && MethodPattern().Match(line) is { Success: true } m && type is not null)
                {
                    yield return $"{ns}.{type}.{m.Groups["name"].Value}";
                    attributed = false;
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Waymark.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Could not find the repository root (Waymark.sln) above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\|\s*\*\*Tests\*\*\s*\|(?<cell>.*)\|\s*$", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TestsRowPattern();

    [GeneratedRegex(@"^\|\s*\*\*Status\*\*\s*\|(?<cell>.*)\|\s*$", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StatusRowPattern();

    [GeneratedRegex(@"^###\s+(?<id>HAZ-\d+)\b.*?$(?<body>.*?)(?=^###?\s|\z)", RegexOptions.Multiline | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"`(?<name>[A-Za-z_][\w.]*)`", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"planned:\s*issue\s+\d+", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PlannedPattern();

    [GeneratedRegex(@"^\s*namespace\s+(?<name>[\w.]+)\s*;", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"^\s*(?:(?:public|internal|private|sealed|static|abstract|partial)\s+)*class\s+(?<name>\w+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ClassPattern();

    [GeneratedRegex(@"^\s*\[(?:Fact|Theory)\b", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TestAttributePattern();

    [GeneratedRegex(@"^\s*public\s+(?:async\s+)?(?:Task|ValueTask|void)\s+(?<name>\w+)\s*\(", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MethodPattern();
}
