using Waymark.Core.Data;
using Waymark.Core.Outbox;

namespace Waymark.Web.Referrals;

/// <summary>
/// The offline default: each message becomes one JSON file named by its id. A file that is already there
/// means the message was delivered before, so it is not written again.
/// </summary>
public sealed class FolderOutboxSender(string folder) : IOutboxSender
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public static string FileName(Guid messageId) => $"{messageId}.json";

    /// <summary>The file a delivery writes first and then renames; a crash can leave one behind.</summary>
    public static bool IsPartialFileOf(string fileName, Guid messageId) =>
        fileName.StartsWith(FileName(messageId) + ".", StringComparison.Ordinal) && fileName.EndsWith(".tmp", StringComparison.Ordinal);

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Messages name people and what happened to their referrals: only the app's own account may read them.
        OwnerOnly.CreateFolder(Folder);
        var path = Path.Combine(Folder, FileName(message.Id));
        if (File.Exists(path))
        {
            return;
        }
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var file = OwnerOnly.CreateNew(temp))
        {
            await System.Text.Json.JsonSerializer.SerializeAsync(file, new
            {
                id = message.Id,
                channel = message.Channel,
                to = message.Recipient,
                subject = message.Subject,
                body = message.Body,
                created_at = message.CreatedAt,
            }, cancellationToken: ct);
        }
        try
        {
            // A rename that refuses to overwrite: of two racing relays, only one file survives.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }
}
