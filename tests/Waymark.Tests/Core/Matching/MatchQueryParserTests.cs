using Microsoft.Extensions.Primitives;
using Waymark.Core.Matching;
using Waymark.Core.Schedules;

namespace Waymark.Tests.Core.Matching;

/// <summary>
/// The search parser in Core terms: problems come back as a value keyed by parameter, all at once, never as an
/// exception. These searches name no place and no organisation, so the gazetteer and the directory are never asked.
/// </summary>
public sealed class MatchQueryParserTests
{
    private static Task<MatchQueryParse> Parse(Dictionary<string, StringValues> raw) =>
        MatchQueryParser.ParseAsync(name => raw.GetValueOrDefault(name), null!, null!, CancellationToken.None);

    [Fact]
    public async Task Every_bad_parameter_is_reported_at_once_keyed_by_its_name()
    {
        var parse = await Parse(new(StringComparer.Ordinal)
        {
            ["within_km"] = "0",
            ["delivery"] = "carrier-pigeon",
            ["when"] = "midnight",
            ["open_now"] = "yes",
            ["at"] = "2026-12-01",
            ["age"] = "121",
            ["gender"] = "other",
            ["urgency"] = "later",
            ["limit"] = "51",
        });

        Assert.Null(parse.Query);
        Assert.False(parse.DirectoryNotReady);
        Assert.Equal(
            ["within_km", "delivery", "when", "open_now", "at", "age", "gender", "urgency", "limit"],
            parse.Errors.Keys.OrderBy(k => MatchQueryParser.Parameters.ToList().IndexOf(k)));
        Assert.Equal("Use a number of kilometres above 0 and up to 200.", Assert.Single(parse.Errors["within_km"]));
        Assert.Equal("Use a whole number from 1 to 50.", Assert.Single(parse.Errors["limit"]));
    }

    [Fact]
    public async Task A_parameter_given_twice_is_a_problem_of_its_own()
    {
        var parse = await Parse(new(StringComparer.Ordinal) { ["age"] = new(["30", "40"]) });

        Assert.Null(parse.Query);
        Assert.Equal("Give age once.", Assert.Single(parse.Errors["age"]));
    }

    [Fact]
    public async Task Good_parameters_give_the_query_and_no_problems()
    {
        var parse = await Parse(new(StringComparer.Ordinal)
        {
            ["within_km"] = "12.5",
            ["when"] = "weekend",
            ["age"] = "30",
            ["urgency"] = "soon",
            ["limit"] = "5",
        });

        Assert.Empty(parse.Errors);
        var query = Assert.IsType<MatchQuery>(parse.Query);
        Assert.Equal(12.5, query.WithinKm);
        Assert.Equal(WhenWindows.Weekend, query.When);
        Assert.Equal(30, query.Age);
        Assert.Equal(Urgency.Soon, query.Urgency);
        Assert.Equal(5, query.Limit);
        Assert.Equal(["within_km", "when", "age", "urgency", "limit"], query.GivenParameters);
    }
}
