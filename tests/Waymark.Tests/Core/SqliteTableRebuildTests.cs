using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Waymark.Core.Data;

namespace Waymark.Tests.Core;

/// <summary>
/// SQLite cannot alter a column, so EF Core rebuilds the table: copy it, then, with foreign keys switched off and
/// outside any transaction (SQLite ignores that switch inside one), drop the original and rename the copy. Were the
/// switch ineffective, dropping <c>referral</c> would cascade and delete every referral's history. These tests run on
/// the SQLite migration set whichever engine the suite is testing, because that set ships whichever engine runs.
/// </summary>
public sealed class SqliteTableRebuildTests
{
    // Reviewed rebuilds: each has a test below showing the rows that hang off the rebuilt table survive it.
    private static readonly string[] ReviewedRebuilds = ["_PersonPlans", "_PeerCareAndWallErasure", "_OffersTakenUpErasureAndReferringOrganisation"];

    [Fact]
    public void Every_SQLite_migration_that_rebuilds_a_table_has_been_reviewed()
    {
        using var file = new ScratchSqliteFile();
        using var db = Database.Open(file.Connection);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();

        var rebuilding = new List<string>();
        var previous = Migration.InitialDatabase;
        foreach (var migration in migrations)
        {
            var script = migrator.GenerateScript(previous, migration);
            if (script.Contains("PRAGMA foreign_keys = 0", StringComparison.Ordinal))
            {
                rebuilding.Add(migration);
            }
            previous = migration;
        }

        // A new entry here means a migration rebuilds a table on SQLite: add a test like the one below for the rows
        // that reference that table, then add the migration to ReviewedRebuilds.
        Assert.Equal(ReviewedRebuilds, rebuilding.Select(m => ReviewedRebuilds.FirstOrDefault(r => m.EndsWith(r, StringComparison.Ordinal)) ?? m));
    }

    [Fact]
    public async Task Rebuilding_the_referral_table_keeps_every_referral_and_its_history()
    {
        using var file = new ScratchSqliteFile();
        await using (var db = Database.Open(file.Connection))
        {
            var before = db.Database.GetMigrations().Single(m => m.EndsWith("_Referrals", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(before);
        }

        var referral = Guid.NewGuid();
        await using (var connection = new SqliteConnection(file.Connection))
        {
            await connection.OpenAsync();
            // Written as the schema stood just before the rebuild, in SQLite's own words: the entities have moved on.
            await ExecuteAsync(connection, $"""
                INSERT INTO organization ("Id","Name","Description","LastModified") VALUES ('{Id()}','Howden Circle','Peer support.',0);
                INSERT INTO service ("Id","OrganizationId","Name","Status","LastModified")
                    SELECT '{Id()}', "Id", 'Tuesday group', 'active', 0 FROM organization;
                INSERT INTO account_user ("Id","CreatedAt","Email","EmailConfirmed","PhoneNumberConfirmed","TwoFactorEnabled","LockoutEnabled","AccessFailedCount")
                    VALUES ('{Id()}',0,'navigator@example.org',1,0,0,1,0);
                INSERT INTO referral ("Id","ServiceId","OrganisationId","ReferrerUserId","CreatedAt","Status","ContactPreference")
                    SELECT '{Id(referral)}', s."Id", s."OrganizationId", u."Id", 0, 'accepted', 'email' FROM service s, account_user u;
                INSERT INTO referral_event ("Id","ReferralId","To","ByName","ByParty","OccurredAt") VALUES ('{Id()}','{Id(referral)}','sent','Navigator','referrer',0);
                INSERT INTO referral_event ("Id","ReferralId","From","To","ByName","ByParty","OccurredAt") VALUES ('{Id()}','{Id(referral)}','sent','accepted','Service','provider',1);
                """);
        }

        await using (var db = Database.Open(file.Connection))
        {
            await db.Database.MigrateAsync();
        }

        await using (var connection = new SqliteConnection(file.Connection))
        {
            await connection.OpenAsync();
            Assert.Equal(1L, await ScalarAsync(connection, $"SELECT count(*) FROM referral WHERE \"Id\" = '{Id(referral)}' AND \"ReferrerUserId\" IS NOT NULL"));
            Assert.Equal(2L, await ScalarAsync(connection, $"SELECT count(*) FROM referral_event WHERE \"ReferralId\" = '{Id(referral)}'"));
            Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
            Assert.Null(await ScalarAsync(connection, "PRAGMA foreign_key_check"));
            // What the rebuild was for: a referral may now have no referrer (a person referring themselves).
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT \"notnull\" FROM pragma_table_info('referral') WHERE name = 'ReferrerUserId'"));
        }
    }

    [Fact]
    public async Task Rebuilding_the_wall_tables_keeps_every_note_reply_report_reaction_and_member()
    {
        using var file = new ScratchSqliteFile();
        await using (var db = Database.Open(file.Connection))
        {
            var before = db.Database.GetMigrations().Single(m => m.EndsWith("_ReferralReasonCodes", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(before);
        }

        var (author, reader, note, reply) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = new SqliteConnection(file.Connection))
        {
            await connection.OpenAsync();
            // The schema just before the rebuild, in SQLite's own words.
            await ExecuteAsync(connection, $"""
                INSERT INTO account_user ("Id","CreatedAt","Email","EmailConfirmed","PhoneNumberConfirmed","TwoFactorEnabled","LockoutEnabled","AccessFailedCount")
                    VALUES ('{Id(author)}',0,'author@example.org',1,0,0,1,0), ('{Id(reader)}',0,'reader@example.org',1,0,0,1,0);
                INSERT INTO wall_member ("UserId","CreatedAt","DisplayName") VALUES ('{Id(author)}',0,'Morning walker'), ('{Id(reader)}',0,'Tea and toast');
                INSERT INTO wall_item ("Id","AuthorId","CreatedAt","Hidden","Kind","Matches","ReviewRequested","ScreenedOutcome","Status","Text","Version","Topic")
                    VALUES ('{Id(note)}','{Id(author)}',0,0,'post','[]',0,'publish','approved','Walking helped me today.',1,'what-helped');
                INSERT INTO wall_item ("Id","AuthorId","CreatedAt","Hidden","Kind","Matches","ReviewRequested","ScreenedOutcome","Status","Text","Version","ThreadId")
                    VALUES ('{Id(reply)}','{Id(reader)}',1,0,'reply','[]',0,'publish','approved','Glad it helped.',1,'{Id(note)}');
                INSERT INTO wall_flag ("Id","CreatedAt","ItemId","ReporterKey") VALUES ('{Id()}',2,'{Id(note)}','reporter-1');
                INSERT INTO wall_reaction ("Id","CreatedAt","ItemId","UserId") VALUES ('{Id()}',3,'{Id(note)}','{Id(reader)}');
                """);
        }

        await using (var db = Database.Open(file.Connection))
        {
            await db.Database.MigrateAsync();
        }

        await using (var connection = new SqliteConnection(file.Connection))
        {
            await connection.OpenAsync();
            Assert.Equal(2L, await ScalarAsync(connection, "SELECT count(*) FROM wall_member"));
            Assert.Equal(1L, await ScalarAsync(connection, $"SELECT count(*) FROM wall_item WHERE \"ThreadId\" = '{Id(note)}' AND \"Id\" = '{Id(reply)}'"));
            Assert.Equal(2L, await ScalarAsync(connection, "SELECT count(*) FROM wall_item"));
            Assert.Equal(1L, await ScalarAsync(connection, $"SELECT count(*) FROM wall_flag WHERE \"ItemId\" = '{Id(note)}'"));
            Assert.Equal(1L, await ScalarAsync(connection, $"SELECT count(*) FROM wall_reaction WHERE \"ItemId\" = '{Id(note)}'"));
            Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
            Assert.Null(await ScalarAsync(connection, "PRAGMA foreign_key_check"));
            // What the rebuild was for: a note whose author has gone, kept as a marker for others' replies, has no author.
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT \"notnull\" FROM pragma_table_info('wall_item') WHERE name = 'AuthorId'"));
        }
    }

    [Fact]
    public async Task Rebuilding_the_offer_and_link_tables_keeps_every_offer_request_and_link_and_backfills_the_referrals_organisation()
    {
        using var file = new ScratchSqliteFile();
        await using (var db = Database.Open(file.Connection))
        {
            var before = db.Database.GetMigrations().Single(m => m.EndsWith("_PeerTrainingHoursAndSupervisionReminders", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(before);
        }

        var (a, b, offer, request, link) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (staff, navigator, service, byNavigator, selfReferral) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var navigatorRole = Waymark.Core.Accounts.Roles.IdOf(Waymark.Core.Accounts.Roles.Navigator);
        await using (var connection = new SqliteConnection(file.Connection))
        {
            await connection.OpenAsync();
            // The schema just before the rebuild, in SQLite's own words.
            await ExecuteAsync(connection, $"""
                INSERT INTO organization ("Id","Name","Description","LastModified") VALUES ('{Id(a)}','Howden Rooms','Rooms.',0), ('{Id(b)}','Selby College','A college.',0);
                INSERT INTO service ("Id","OrganizationId","Name","Status","LastModified") VALUES ('{Id(service)}','{Id(a)}','Listening','active',0);
                INSERT INTO account_user ("Id","CreatedAt","Email","EmailConfirmed","PhoneNumberConfirmed","TwoFactorEnabled","LockoutEnabled","AccessFailedCount")
                    VALUES ('{Id(staff)}',0,'staff@example.org',1,0,0,1,0), ('{Id(navigator)}',0,'adviser@example.org',1,0,0,1,0);
                INSERT INTO account_user_role ("UserId","RoleId") VALUES ('{Id(navigator)}','{Id(navigatorRole)}');
                INSERT INTO organisation_membership ("Id","UserId","OrganizationId","Role","CreatedAt") VALUES ('{Id()}','{Id(navigator)}','{Id(b)}','staff',0);
                INSERT INTO shared_offer ("Id","OrganisationId","Kind","Title","Description","AvailableFrom","ExpiresOn","Contact","Status","PostedByUserId","PostedAt")
                    VALUES ('{Id(offer)}','{Id(a)}','Room','A room','Quiet.','2026-12-01','2026-12-20','rooms@example.org','Open','{Id(staff)}',0);
                INSERT INTO offer_request ("Id","OfferId","OrganisationId","Message","Status","RequestedByUserId","RequestedAt")
                    VALUES ('{Id(request)}','{Id(offer)}','{Id(b)}','Please','Pending','{Id(staff)}',1);
                INSERT INTO organisation_link ("Id","ProposerId","PartnerId","Status","ProposedByUserId","ProposedAt") VALUES ('{Id(link)}','{Id(a)}','{Id(b)}','Proposed','{Id(staff)}',2);
                INSERT INTO referral ("Id","ServiceId","OrganisationId","PersonUserId","ReferrerUserId","CreatedAt","Status","ContactPreference")
                    VALUES ('{Id(byNavigator)}','{Id(service)}','{Id(a)}',NULL,'{Id(navigator)}',3,'Sent','Email'),
                           ('{Id(selfReferral)}','{Id(service)}','{Id(a)}','{Id(staff)}','{Id(staff)}',4,'Sent','Email');
                """);
        }

        await using (var db = Database.Open(file.Connection))
        {
            await db.Database.MigrateAsync();
        }

        await using (var connection = new SqliteConnection(file.Connection))
        {
            await connection.OpenAsync();
            Assert.Equal(1L, await ScalarAsync(connection, $"SELECT count(*) FROM shared_offer WHERE \"Id\" = '{Id(offer)}'"));
            Assert.Equal(1L, await ScalarAsync(connection, $"SELECT count(*) FROM offer_request WHERE \"OfferId\" = '{Id(offer)}'"));
            Assert.Equal(1L, await ScalarAsync(connection, $"SELECT count(*) FROM organisation_link WHERE \"Id\" = '{Id(link)}'"));
            Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
            Assert.Null(await ScalarAsync(connection, "PRAGMA foreign_key_check"));
            // What the rebuild was for: erasure can clear who posted, asked and proposed.
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT \"notnull\" FROM pragma_table_info('shared_offer') WHERE name = 'PostedByUserId'"));
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT \"notnull\" FROM pragma_table_info('offer_request') WHERE name = 'RequestedByUserId'"));
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT \"notnull\" FROM pragma_table_info('organisation_link') WHERE name = 'ProposedByUserId'"));
            // Backfilled: the navigator's organisation today; a self-referral has none.
            Assert.Equal(Id(b), await ScalarAsync(connection, $"SELECT \"ReferredFromOrganisationId\" FROM referral WHERE \"Id\" = '{Id(byNavigator)}'"));
            Assert.Equal(DBNull.Value, await ScalarAsync(connection, $"SELECT \"ReferredFromOrganisationId\" FROM referral WHERE \"Id\" = '{Id(selfReferral)}'"));
        }
    }

    // EF Core keeps SQLite GUIDs as upper-case text.
    private static string Id(Guid? id = null) => (id ?? Guid.NewGuid()).ToString().ToUpperInvariant();

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private sealed class ScratchSqliteFile : IDisposable
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"waymark-rebuild-{Guid.NewGuid():N}.db");

        public string Connection => $"Data Source={_path};Pooling=False";

        public void Dispose()
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_path + suffix);
            }
        }
    }
}
