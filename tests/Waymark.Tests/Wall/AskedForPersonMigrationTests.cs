using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Waymark.Core.Data;
using Waymark.Core.Screening;
using Waymark.Core.Wall;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Wall;

/// <summary>
/// Before <c>AuthorAskedForPerson</c>, an author's ask for a person was kept by making the screener's outcome urgent
/// and putting an "Asked" match first. Migrating must carry every such ask into the new column, so no note that asked
/// for a person stops being urgent; rolling back must keep them urgent too. On the engine the run is testing.
/// </summary>
public sealed class AskedForPersonMigrationTests
{
    private const string OldAsk = """[{"rule":"Asked","outcome":"urgent","reason":"The author asked for a person to reply to them privately, as soon as they can","words":[],"negated":false},{"rule":"R5","outcome":"hold","reason":"Hopelessness","words":["pointless"],"negated":false}]""";
    private const string NoAsk = """[{"rule":"R7","outcome":"warn","reason":"Mentions self-harm","words":["sh"],"negated":false}]""";

    [Fact]
    public async Task An_ask_kept_the_old_way_moves_to_its_own_column_and_survives_a_rollback()
    {
        using var database = new TestDatabase();
        await using var db = database.Open();
        var migrations = db.Database.GetMigrations().ToList();
        var ask = migrations.FindIndex(m => m.EndsWith("_AuthorAskedForPerson", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[ask - 1]);

        var (asked, warned) = (Guid.NewGuid(), Guid.NewGuid());
        var written = new DateTimeOffset(2026, 12, 1, 21, 30, 0, TimeSpan.Zero);
        // Written as the table stood before the column, through the engine's own representation of a time.
        var sqlite = database.Provider == DatabaseProvider.Sqlite;
        object createdAt = sqlite ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(written)! : written;
        foreach (var (id, outcome, matches) in new[] { (asked, "Urgent", OldAsk), (warned, "Warn", NoAsk) })
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO wall_item ("Id","Kind","Topic","Text","Status","ScreenedOutcome","Matches","Hidden","ReviewRequested","CreatedAt","Version")
                VALUES ({0},'Post','hard-time','it all feels pointless','Pending',{1},{2},FALSE,FALSE,{3},1)
                """, sqlite ? id.ToString().ToUpperInvariant() : id, outcome, matches, createdAt);
        }

        await migrator.MigrateAsync();
        var items = await db.WallItems.AsNoTracking().ToDictionaryAsync(i => i.Id);
        Assert.Equal(written, items[asked].AskedForPersonAt);
        Assert.True(items[asked].IsUrgent);
        // The ask is the column's now, not a match: the screener's own matches are left. Migrations alone leave them as
        // they were written, in plain: the app encrypts them when it starts (ADR 0044).
        Assert.Equal(["R5"], WallMatches.Read(items[asked].ProtectedMatches).Select(m => m.Rule));
        Assert.Null(items[warned].AskedForPersonAt);
        Assert.False(items[warned].IsUrgent);
        Assert.Equal(NoAsk, items[warned].ProtectedMatches);

        // An ask made with the column, on a note the screener would only hold, stays urgent if the column goes.
        var later = await db.WallItems.SingleAsync(i => i.Id == warned);
        later.AskedForPersonAt = written.AddHours(1);
        await db.SaveChangesAsync();
        await migrator.MigrateAsync(migrations[ask - 1]);
        var outcomes = await db.Database.SqlQueryRaw<string>("""SELECT "ScreenedOutcome" AS "Value" FROM wall_item""").ToListAsync();
        Assert.Equal(["Urgent", "Urgent"], outcomes);
    }
}
