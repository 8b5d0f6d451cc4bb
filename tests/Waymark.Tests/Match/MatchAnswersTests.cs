using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Insights;
using Waymark.Core.Matching;
using Waymark.Tests.Core.Matching;
using Waymark.Tests.Infrastructure;
using Waymark.Web.Match;

namespace Waymark.Tests.Match;

/// <summary>The match API's answer cache: what it keys answers by, that it stays bounded, and that the API stays right with it.</summary>
public sealed class MatchAnswersTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    private static readonly DateTimeOffset Noon = MatcherTestBase.Noon;
    private static readonly DirectorySnapshot Snapshot = DirectorySnapshot.From([MatcherTestBase.Plain().Build()], Noon);
    private static readonly IReadOnlyDictionary<Guid, int> NoWaits = FrozenDictionary<Guid, int>.Empty;
    private static readonly long Minute = MatchAnswers.MinuteOf(Noon);

    private static MatchAnswers.Answer AnswerOf(string text) => new(System.Text.Encoding.UTF8.GetBytes(text), null);

    /// <summary>A search worked out twice in a minute, as the API does before an answer is kept.</summary>
    private static void SearchedTwice(MatchAnswers answers, string query, long minute, MatchAnswers.Answer answer)
    {
        answers.Keep(query, Snapshot, NoWaits, minute, answer);
        answers.Keep(query, Snapshot, NoWaits, minute, answer);
    }

    [Fact]
    public void A_one_off_search_is_not_kept_and_one_searched_again_in_the_minute_is()
    {
        var answers = new MatchAnswers();
        answers.Keep("?near=Leeds&age=34", Snapshot, NoWaits, Minute, AnswerOf("once"));
        answers.Keep("?near=Hull", Snapshot, NoWaits, Minute, AnswerOf("once"));
        Assert.False(answers.TryGet("?near=Leeds&age=34", Snapshot, NoWaits, Minute, out _));
        Assert.Equal(0, answers.Count);

        answers.Keep("?near=Hull", Snapshot, NoWaits, Minute, AnswerOf("twice"));
        Assert.True(answers.TryGet("?near=Hull", Snapshot, NoWaits, Minute, out var kept));
        Assert.Equal("twice"u8.ToArray(), kept.Json);
        Assert.Equal(1, answers.Count);
    }

    [Fact]
    public void An_answer_is_given_again_only_for_the_same_query_string_snapshot_waits_and_minute()
    {
        var answers = new MatchAnswers();
        SearchedTwice(answers, "?near=Leeds", Minute, AnswerOf("leeds"));

        Assert.True(answers.TryGet("?near=Leeds", Snapshot, NoWaits, Minute, out var kept));
        Assert.Equal("leeds"u8.ToArray(), kept.Json);
        Assert.False(answers.TryGet("?near=Hull", Snapshot, NoWaits, Minute, out _));
        Assert.False(answers.TryGet("?near=leeds", Snapshot, NoWaits, Minute, out _));
        Assert.False(answers.TryGet("?near=Leeds", Snapshot, NoWaits, Minute + 1, out _));
        Assert.False(answers.TryGet("?near=Leeds", DirectorySnapshot.From([MatcherTestBase.Plain().Build()], Noon), NoWaits, Minute, out _));
        Assert.False(answers.TryGet("?near=Leeds", Snapshot, new Dictionary<Guid, int>(), Minute, out _));
        Assert.Equal(1, answers.Given);
    }

    [Fact]
    public void The_next_minute_starts_an_empty_set_and_a_late_search_from_the_minute_before_does_not_replace_it()
    {
        var answers = new MatchAnswers();
        SearchedTwice(answers, "?near=Leeds", Minute, AnswerOf("first minute"));
        SearchedTwice(answers, "?near=Hull", Minute + 1, AnswerOf("second minute"));
        SearchedTwice(answers, "?near=York", Minute, AnswerOf("late, from the first minute"));

        Assert.Equal(1, answers.Count);
        Assert.True(answers.TryGet("?near=Hull", Snapshot, NoWaits, Minute + 1, out _));
        Assert.False(answers.TryGet("?near=Leeds", Snapshot, NoWaits, Minute + 1, out _));
        Assert.False(answers.TryGet("?near=York", Snapshot, NoWaits, Minute, out _));
    }

    [Fact]
    public void A_full_set_starts_again_so_it_stays_bounded_and_keeps_the_newest()
    {
        var answers = new MatchAnswers(maxAnswers: 3, maxBytes: 1024);
        for (var i = 0; i < 10; i++)
        {
            SearchedTwice(answers, $"?near=place{i}", Minute, AnswerOf($"answer {i}"));
            Assert.InRange(answers.Count, 1, 3);
        }
        Assert.True(answers.TryGet("?near=place9", Snapshot, NoWaits, Minute, out _));
        Assert.False(answers.TryGet("?near=place0", Snapshot, NoWaits, Minute, out _));

        var bySize = new MatchAnswers(maxAnswers: 100, maxBytes: 100);
        for (var i = 0; i < 10; i++)
        {
            SearchedTwice(bySize, $"?q={i}", Minute, AnswerOf(new string('x', 40)));
        }
        Assert.InRange(bySize.Count, 1, 2);
    }

    [Fact]
    public void A_query_string_longer_than_any_real_search_is_not_kept()
    {
        var answers = new MatchAnswers();
        var longQuery = "?near=Leeds&unrepeated=" + new string('1', MatchAnswers.MaxQueryLength);
        SearchedTwice(answers, longQuery, Minute, AnswerOf("long"));
        Assert.False(answers.TryGet(longQuery, Snapshot, NoWaits, Minute, out _));
        Assert.Equal(0, answers.Count);
    }

    // Through the API, on the test database.

    private static async Task<(HttpStatusCode Status, byte[] Body)> GetAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(new Uri("/api/v1/match?" + query, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    private static List<Guid> ResultIds(byte[] body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();

    private static string Near(double lat, double lon) => string.Create(CultureInfo.InvariantCulture, $"near={lat},{lon}&within_km=5");

    /// <summary>The app with its clock stopped at noon, so that no test's searches straddle two minutes.</summary>
    private WebApplicationFactory<Program> AtNoon() =>
        app.AtTime(new FixedClock(Noon));

    [Fact]
    public async Task A_search_made_again_gets_the_same_bytes_and_from_its_third_time_in_a_minute_is_not_worked_out_again()
    {
        using var atNoon = AtNoon();
        var answers = atNoon.Services.GetRequiredService<MatchAnswers>();
        using var client = atNoon.CreateClient();
        var query = Near(50.31, -4.11) + "&delivery=in-person,phone&limit=7";

        var first = await GetAsync(client, query);
        var second = await GetAsync(client, query);
        Assert.Equal(0, answers.Given);
        var third = await GetAsync(client, query);

        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Body, third.Body);
        Assert.Equal(1, answers.Given);
    }

    [Fact]
    public async Task A_search_answered_from_one_just_like_it_still_counts_as_unmet_need()
    {
        using var atNoon = AtNoon();
        var answers = atNoon.Services.GetRequiredService<MatchAnswers>();
        using var client = atNoon.CreateClient();
        // Nothing here visits people at home in Albanian.
        const string query = "near=50.05,-5.9&within_km=1&delivery=home-visit&language=sq";

        for (var i = 0; i < 4; i++)
        {
            await GetAsync(client, query);
        }

        Assert.Equal(2, answers.Given);
        UnmetNeed? row = null;
        for (var i = 0; i < 50 && row?.Searches != 4; i++)
        {
            await Task.Delay(100);
            await using var db = app.OpenDb();
            row = await db.UnmetNeeds.AsNoTracking().SingleOrDefaultAsync(u => u.Constraints == "delivery,language,near,within_km");
        }
        Assert.NotNull(row);
        Assert.Equal(4, row.Searches);
        Assert.Equal(new DateOnly(2026, 12, 2), row.Day);
    }

    [Fact]
    public async Task A_new_listing_reaches_a_search_whose_answer_was_kept()
    {
        const double lat = 50.47, lon = -4.42;
        using var atNoon = AtNoon();
        using var client = atNoon.CreateClient();
        var query = Near(lat, lon) + "&delivery=in-person";
        await GetAsync(client, query);
        var before = await GetAsync(client, query);

        var service = ServiceGraph.Named("Brand new drop-in").At(lat + 0.01, lon).With("delivery:in-person", "format:drop-in");
        await using (var db = app.OpenDb())
        {
            db.Services.Add(service.Build());
            await db.SaveChangesAsync();
        }
        await atNoon.Services.GetRequiredService<DirectoryIndex>().RefreshAsync();
        var after = await GetAsync(client, query);

        Assert.DoesNotContain(service.Id, ResultIds(before.Body));
        Assert.Contains(service.Id, ResultIds(after.Body));
    }

    [Fact]
    public async Task Open_now_changes_at_the_minute_a_service_opens_even_for_a_search_just_answered()
    {
        const double lat = 50.62, lon = -3.71;
        var service = ServiceGraph.Named("Morning drop-in").At(lat + 0.01, lon).With("delivery:in-person", "format:drop-in").Opens("WE", "09:00", "12:00");
        await using (var db = app.OpenDb())
        {
            db.Services.Add(service.Build());
            await db.SaveChangesAsync();
        }
        // Wednesday 2 December 2026 (GMT), 30 seconds before the drop-in opens.
        var clock = new MovableClock(new DateTimeOffset(2026, 12, 2, 8, 59, 30, TimeSpan.Zero));
        using var atTime = app.AtTime(clock);
        using var client = atTime.CreateClient();
        var query = Near(lat, lon) + "&open_now=true";

        var closed = await GetAsync(client, query);
        clock.Now = clock.Now.AddSeconds(20);
        var stillClosed = await GetAsync(client, query);
        clock.Now = clock.Now.AddSeconds(20);
        var open = await GetAsync(client, query);

        Assert.Equal(HttpStatusCode.OK, closed.Status);
        Assert.DoesNotContain(service.Id, ResultIds(closed.Body));
        Assert.Equal(closed.Body, stillClosed.Body);
        Assert.Contains(service.Id, ResultIds(open.Body));
    }
}
