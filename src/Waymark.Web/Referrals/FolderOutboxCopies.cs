using Waymark.Core.Outbox;

namespace Waymark.Web.Referrals;

/// <summary>
/// Erases the folder sender's files for given messages: each is named by its message id, so erasure is
/// exact and never touches anyone else's. A file that cannot be deleted is logged by id (no address in
/// the log) and the rest carry on.
/// </summary>
public sealed partial class FolderOutboxCopies(OutboxOptions options, ILogger<FolderOutboxCopies> logger) : IDeliveredMessageCopies
{
    public Task EraseAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        var folder = Path.GetFullPath(options.Folder);
        if (messageIds.Count == 0 || !System.IO.Directory.Exists(folder))
        {
            return Task.CompletedTask;
        }
        var ids = messageIds.ToHashSet();
        foreach (var id in ids)
        {
            Delete(id, Path.Combine(folder, FolderOutboxSender.FileName(id)));
        }
        foreach (var partial in System.IO.Directory.EnumerateFiles(folder, "*.tmp"))
        {
            var name = Path.GetFileName(partial);
            if (Guid.TryParse(name.AsSpan(0, Math.Min(36, name.Length)), out var id) && ids.Contains(id) && FolderOutboxSender.IsPartialFileOf(name, id))
            {
                Delete(id, partial);
            }
        }
        return Task.CompletedTask;
    }

    private void Delete(Guid id, string path)
    {
        try
        {
            File.Delete(path); // no error when it is not there: that message was never delivered to the folder
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotErased(logger, id, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not erase the delivered copy of outbox message {MessageId}; delete it from the outbox folder by hand.")]
    private static partial void LogNotErased(ILogger logger, Guid messageId, Exception ex);
}
