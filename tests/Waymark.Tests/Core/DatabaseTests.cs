using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Wall;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Core;

public sealed class DatabaseTests
{
    [Fact]
    public async Task Migrations_create_the_schema_and_the_vocabulary_on_the_engine_under_test()
    {
        using var database = new TestDatabase();
        await using var db = database.Open();
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var codes = await db.TaxonomyTerms.Where(t => t.TaxonomyId == Vocabulary.TaxonomyId).Select(t => t.Code).ToListAsync();
        Assert.Equal(Vocabulary.Terms.Select(t => t.Code).Order(), codes.Order());
        Assert.Equal(TestDatabase.RunOnPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, database.Provider);
    }

    [Fact]
    public void The_provider_follows_the_connection_string()
    {
        Assert.Equal(DatabaseProvider.Postgres, Database.ProviderOf("Host=localhost;Database=w"));
        Assert.Equal(DatabaseProvider.Sqlite, Database.ProviderOf("Data Source=data/waymark.db"));
    }

    [Fact]
    public void A_relative_SQLite_path_means_the_same_file_from_any_project_folder_of_the_checkout()
    {
        // The tests run from tests/Waymark.Tests/bin/…, inside the checkout, like `dotnet run --project src/…` does.
        var anchored = Database.AnchorSqlitePath("Data Source=data/waymark.db");
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(anchored).DataSource;

        Assert.True(Path.IsPathRooted(file));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(file))!, "Waymark.sln")), file);
        Assert.Equal("Host=db;Database=w", Database.AnchorSqlitePath("Host=db;Database=w"));
        Assert.Equal("Data Source=/tmp/x.db", Database.AnchorSqlitePath("Data Source=/tmp/x.db"));
    }

    [Fact]
    public void Term_ids_are_uuid5_of_the_code_in_the_waymark_namespace()
    {
        // Value computed independently with Python's uuid.uuid5.
        Assert.Equal(new Guid("6c7f0f3d-00df-5195-8795-a7958c7fcf8a"), Vocabulary.TermId("format:group"));
    }

    [Fact]
    public async Task A_unique_violation_is_told_apart_from_any_other_refused_save()
    {
        // Code that treats "someone else saved it first" as success must not swallow other failures.
        using var database = new TestDatabase();
        await using (var setup = database.Open())
        {
            await setup.Database.MigrateAsync();
        }
        var existing = Vocabulary.TermId("format:group");

        await using (var db = database.Open())
        {
            db.TaxonomyTerms.Add(new TaxonomyTerm { Id = existing, Name = "again", Description = "again" });
            var twice = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(UniqueViolation.Is(twice));
        }
        await using (var db = database.Open())
        {
            // A reaction to an item and by a person that do not exist: a foreign key refuses it, not a unique index.
            db.WallReactions.Add(new WallReaction { Id = Guid.NewGuid(), ItemId = Guid.NewGuid(), UserId = Guid.NewGuid(), CreatedAt = DateTimeOffset.UnixEpoch });
            var dangling = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.False(UniqueViolation.Is(dangling));
        }
    }
}
