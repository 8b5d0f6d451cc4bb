using System.Data.Common;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Wall;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Wall;

/// <summary>
/// What is written on the wall is kept encrypted (ADR 0044): a copy of the tables alone shows no note, reply, urgent
/// disclosure, moderator's private reply or matched word, while the pages still show each to whoever may read it and
/// the author's download has them in plain. On the engine the run is testing.
/// </summary>
public sealed class WallWordsAtRestTests(WallApp app) : IClassFixture<WallApp>
{
    private const string Note = "Swimming at dawn with my sister helped more than anything this week";
    private const string Reply = "Porridge and a long bath got me through Tuesday";
    private const string Urgent = "i'm going to kill myself tonight. sorry";
    private const string PrivateReply = "Thank you for telling us. The Wrenfield team is here for you tonight";

    [Fact]
    public async Task A_copy_of_the_tables_shows_no_words_written_on_the_wall_and_the_pages_and_download_still_do()
    {
        using var author = await app.SignUpAsync();
        using var replier = await app.SignUpAsync();
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        var note = await author.WriteAsync(Note, "what-helped", displayName: "Kestrel Morning");
        var urgent = await author.WriteAsync(Urgent);
        await ApproveNameAsync(author.UserId, moderator);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(note, "Approve")).Status);
        var reply = await replier.WriteAsync(Reply, thread: note, displayName: "Lantern Tuesday");
        await ApproveNameAsync(replier.UserId, moderator);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(reply, "Approve")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(urgent, "Reply", ("Reply", PrivateReply))).Status);

        // Readers see the note and the reply, under the approved names; the author sees their urgent note and the reply to it.
        using (var client = app.CreateClient())
        {
            var thread = await HtmlPage.GetAsync(client, $"/wall/{note}");
            Assert.Contains(Note, thread.Text($"#post-{note}"), StringComparison.Ordinal);
            Assert.Contains("Kestrel Morning", thread.Text($"#post-{note}"), StringComparison.Ordinal);
            Assert.Contains(Reply, thread.Markup, StringComparison.Ordinal);
        }
        var mine = await author.Browser.GetAsync("/my/wall");
        Assert.Contains(Urgent, mine.Text($"#item-{urgent}"), StringComparison.Ordinal);
        Assert.Contains(PrivateReply, mine.Text($"#item-{urgent} .moderator-reply"), StringComparison.Ordinal);
        // A moderator sees the words, what the screener matched in them, and the reply sent.
        var item = await moderator.Browser.GetAsync($"/moderate/{urgent}");
        Assert.Contains(Urgent, item.Text("#item-text"), StringComparison.Ordinal);
        Assert.Contains("R9", item.Text("#matches"), StringComparison.Ordinal);
        Assert.Contains(PrivateReply, item.Text("#reply-sent"), StringComparison.Ordinal);

        // The copy: every column of every table, as text, and on SQLite the bytes of its files, free pages included.
        string[] words = [Note, Reply, Urgent, PrivateReply, "Swimming at dawn", "Porridge", "kill myself", "Wrenfield"];
        await using (var db = app.OpenDb())
        {
            Assert.Empty(await DatabaseScan.FindAsync(db, words));
            await DatabaseScan.CheckpointAsync(db);
            if (!db.IsPostgres)
            {
                Assert.Empty(DatabaseScan.FindInFiles(DatabaseScan.SqliteFile(app.Database.Connection), words));
            }
            // Each stored value is a Data Protection payload, display names waiting or approved included; only the
            // approved names are plain, in wall_member, because they are public.
            var stored = await RawWordsAsync(db);
            Assert.Equal(5, stored.Count);
            Assert.All(stored, row => Assert.All(row.Values.Where(v => v is not null), v => Assert.StartsWith(WallText.PayloadStart, v, StringComparison.Ordinal)));
            Assert.All(stored, row => Assert.DoesNotContain(row.Values, v => v is not null && (v.Contains("Kestrel", StringComparison.Ordinal) || v.Contains("Lantern", StringComparison.Ordinal))));
            Assert.Single(stored, row => row.Values[2] is not null);
        }

        // The author's own download has their words and the moderator's reply in plain.
        var data = await author.Browser.SubmitAsync("/my/data", []);
        using var json = JsonDocument.Parse(data.Html);
        var items = json.RootElement.GetProperty("wall").GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("text").GetString() == Note);
        var answered = Assert.Single(items, i => i.GetProperty("text").GetString() == Urgent);
        Assert.Equal(PrivateReply, answered.GetProperty("moderator_reply").GetString());
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "DisplayName" && i.GetProperty("text").GetString() == "Kestrel Morning");
    }

    private async Task ApproveNameAsync(Guid userId, StaffSession moderator)
    {
        Guid name;
        await using (var db = app.OpenDb())
        {
            name = await db.WallItems.Where(i => i.AuthorId == userId && i.Kind == WallItemKind.DisplayName).Select(i => i.Id).SingleAsync();
        }
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(name, "Approve")).Status);
    }

    /// <summary>The three encrypted columns of every wall item, read with SQL rather than through the model.</summary>
    internal static async Task<List<(string Kind, string?[] Values)>> RawWordsAsync(WaymarkDbContext db)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open)
        {
            await conn.OpenAsync();
        }
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """SELECT "Kind", "ProtectedText", "ProtectedMatches", "ProtectedPrivateReply" FROM wall_item ORDER BY "Id" """;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<(string, string?[])>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), [Text(reader, 1), Text(reader, 2), Text(reader, 3)]));
        }
        return rows;
    }

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}

/// <summary>
/// Wall items written before ADR 0044 kept their words in plain text. Starting the app encrypts them, a batch at a time,
/// logging only how many, and they read as before; starting again changes nothing. On the engine the run is testing.
/// </summary>
public sealed class WallWordsWrittenBeforeTests : IDisposable
{
    private const string Note = "The Harrowgate choir on Thursdays keeps me going";
    private const string Reply = "Singing helps me too, the breathing especially";
    private const string Urgent = "i'm going to end it tonight, I've written my note";
    private const string Matches = """[{"rule":"R9","outcome":"urgent","reason":"Intent or plan","words":["end it tonight"],"negated":false}]""";
    private const string PrivateReply = "We are here, Brackenholme moderators will stay with you";

    // Begins as a Data Protection payload does, but for case: SQLite's LIKE would take it for one.
    private const string Rejected = "cfdj8 is my gamer tag, add me";

    private readonly TestDatabase _database = new();
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), $"waymark-outbox-{Guid.NewGuid():N}");

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Plain_words_an_older_build_wrote_are_encrypted_at_start_and_read_as_before()
    {
        var (note, reply, urgent, marker) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var db = _database.Open())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var encrypted = migrations.FindIndex(m => m.EndsWith("_WallWordsEncrypted", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[encrypted - 1]);
            // Written as the table stood before this change, through the engine's own representation of ids and times.
            var sqlite = _database.Provider == DatabaseProvider.Sqlite;
            object Id(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;
            var at = DateTimeOffset.UtcNow.AddDays(-2);
            object When(int minutes) => sqlite ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(at.AddMinutes(minutes))! : at.AddMinutes(minutes);
            async Task Insert(Guid id, string kind, Guid? thread, string text, string status, string outcome, string matches, string? reply, int minutes)
            {
                // Parameters cannot carry a bare null here, so a missing thread or reply is written as NULL.
                var sql = $$"""
                    INSERT INTO wall_item ("Id","Kind","Topic","ThreadId","Text","Status","ScreenedOutcome","Matches","PrivateReply","Hidden","ReviewRequested","CreatedAt","Version")
                    VALUES ({0},{1},'what-helped',{{(thread is null ? "NULL" : "{7}")}},{2},{3},{4},{5},{{(reply is null ? "NULL" : "{8}")}},FALSE,FALSE,{6},2)
                    """;
                await db.Database.ExecuteSqlRawAsync(sql, Id(id), kind, text, status, outcome, matches, When(minutes), thread is { } t ? Id(t) : "", reply ?? "");
            }

            await Insert(note, "Post", null, Note, "Approved", "Publish", "[]", null, 0);
            await Insert(reply, "Reply", note, Reply, "Approved", "Publish", "[]", null, 1);
            await Insert(urgent, "Post", null, Urgent, "Answered", "Urgent", Matches, PrivateReply, 2);
            await Insert(Guid.NewGuid(), "Reply", note, Rejected, "Rejected", "Hold", "[]", null, 4);
            // A note taken back under others' replies: no words to encrypt.
            await Insert(marker, "Post", null, "", "Deleted", "Publish", "[]", null, 3);
        }

        string[] words = [Note, Reply, Urgent, PrivateReply, "end it tonight", Rejected];
        using (var app = new KeyRingApp(_database, _outbox, certificatePath: null, password: null))
        {
            using (var client = app.CreateClient())
            {
                var thread = await HtmlPage.GetAsync(client, $"/wall/{note}");
                Assert.Equal(HttpStatusCode.OK, thread.Response.StatusCode);
                Assert.Contains(Note, thread.Text($"#post-{note}"), StringComparison.Ordinal);
                Assert.Contains(Reply, thread.Markup, StringComparison.Ordinal);
            }
            await using (var db = app.OpenDb())
            {
                Assert.Empty(await DatabaseScan.FindAsync(db, words));
                var stored = await WallWordsAtRestTests.RawWordsAsync(db);
                Assert.Equal(5, stored.Count);
                Assert.All(stored.SelectMany(r => r.Values).Where(v => !string.IsNullOrEmpty(v)), v => Assert.StartsWith(WallText.PayloadStart, v, StringComparison.Ordinal));
                var text = app.Services.GetRequiredService<WallText>();
                var item = await db.WallItems.AsNoTracking().SingleAsync(i => i.Id == urgent);
                Assert.Equal(Urgent, text.Read(item).Text);
                Assert.Equal(PrivateReply, text.Read(item).PrivateReply);
                Assert.Equal(["end it tonight"], text.Matches(item).Single().Words);
                Assert.Equal("", (await db.WallItems.AsNoTracking().SingleAsync(i => i.Id == marker)).ProtectedText);
            }
            // A moderator reads the old urgent note, what the screener matched and the reply, as before.
            using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
            var page = await moderator.Browser.GetAsync($"/moderate/{urgent}");
            Assert.Contains(Urgent, page.Text("#item-text"), StringComparison.Ordinal);
            Assert.Contains("end it tonight", page.Text("#matches"), StringComparison.Ordinal);
            Assert.Contains(PrivateReply, page.Text("#reply-sent"), StringComparison.Ordinal);
            // Logged as a count (the marker's empty matches list was plain too), never a word.
            Assert.Contains(app.Logs, l => l.Message == "Encrypted the words of 5 wall items that were stored in plain text");
            Assert.DoesNotContain(app.Logs, l => words.Any(w => l.Message.Contains(w, StringComparison.OrdinalIgnoreCase)));
        }

        // Starting again finds nothing left to encrypt and changes nothing.
        List<(string Kind, string?[] Values)> before;
        await using (var db = _database.Open())
        {
            before = await WallWordsAtRestTests.RawWordsAsync(db);
        }
        using (var again = new KeyRingApp(_database, _outbox, certificatePath: null, password: null))
        {
            await using var db = again.OpenDb();
            Assert.DoesNotContain(again.Logs, l => l.Message.StartsWith("Encrypted the words of", StringComparison.Ordinal));
            Assert.Equal(0, await again.Services.GetRequiredService<WallText>().ProtectStoredAsync(db));
            var after = await WallWordsAtRestTests.RawWordsAsync(db);
            Assert.Equal(before.SelectMany(r => r.Values), after.SelectMany(r => r.Values));
        }
    }
}
