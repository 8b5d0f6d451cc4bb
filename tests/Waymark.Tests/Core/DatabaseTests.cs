using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
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
    public void Term_ids_are_uuid5_of_the_code_in_the_waymark_namespace()
    {
        // Value computed independently with Python's uuid.uuid5.
        Assert.Equal(new Guid("6c7f0f3d-00df-5195-8795-a7958c7fcf8a"), Vocabulary.TermId("format:group"));
    }
}
