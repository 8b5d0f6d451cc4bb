using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Outbox;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Web;

/// <summary>
/// The SQLite database (with its -wal and -shm files), the outbox folder and the messages in it hold personal data:
/// each is created readable by the account running Waymark only (files 0600, folders 0700), whatever the umask
/// would otherwise allow. A SQLite file on either test run: this is about the files the app makes.
/// </summary>
public sealed class PrivateFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"waymark-private-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_database_its_log_files_the_outbox_folder_and_its_messages_are_readable_by_the_owner_only()
    {
        var data = Path.Combine(_root, "data");
        var database = Path.Combine(data, "waymark.db");
        var outbox = Path.Combine(data, "outbox");
        using (var app = new FilesApp($"Data Source={database};Pooling=False", outbox))
        {
            using var person = await app.SignUpAsync();
            Assert.True(await app.Services.GetRequiredService<OutboxRelay>().RunOnceAsync() > 0);

            // The database the app made logs ahead (else writers fail with "database is locked" while people read),
            // and its -wal and -shm files take the database file's mode.
            await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
            await connection.OpenAsync();
            await using (var mode = connection.CreateCommand())
            {
                mode.CommandText = "PRAGMA journal_mode";
                Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
            }
            await using (var write = connection.CreateCommand())
            {
                write.CommandText = "UPDATE audit_event SET \"Action\" = \"Action\"";
                await write.ExecuteNonQueryAsync();
            }
            Assert.Equal(OwnerOnly(folder: false), File.GetUnixFileMode(database + "-wal"));
            Assert.Equal(OwnerOnly(folder: false), File.GetUnixFileMode(database + "-shm"));
        }

        Assert.Equal(OwnerOnly(folder: true), File.GetUnixFileMode(data));
        Assert.Equal(OwnerOnly(folder: false), File.GetUnixFileMode(database));
        Assert.Equal(OwnerOnly(folder: true), File.GetUnixFileMode(outbox));
        var messages = Directory.GetFiles(outbox);
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Equal(OwnerOnly(folder: false), File.GetUnixFileMode(m)));
    }

    private static UnixFileMode OwnerOnly(bool folder) =>
        UnixFileMode.UserRead | UnixFileMode.UserWrite | (folder ? UnixFileMode.UserExecute : UnixFileMode.None);

    /// <summary>The app over a SQLite file and an outbox folder in places that do not exist yet.</summary>
    private sealed class FilesApp(string connection, string outbox) : AccountsApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("WAYMARK_DATABASE", connection);
            builder.UseSetting("WAYMARK_OUTBOX_FOLDER", outbox);
        }
    }
}
