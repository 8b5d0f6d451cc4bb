namespace Waymark.Core.Data;

/// <summary>
/// Files and folders that only the account running Waymark can read or open (0600 and 0700 on Unix): the SQLite
/// database and the outbox folder hold personal data, and other accounts on the machine have no business reading
/// them. On Windows the folder's inherited permissions apply.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderPermissions = FilePermissions | UnixFileMode.UserExecute;

    /// <summary>Creates the folder, and any missing parents, owner-only. A folder that exists is left as it is.</summary>
    public static void CreateFolder(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            return;
        }
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
        }
        else
        {
            System.IO.Directory.CreateDirectory(path, FolderPermissions);
        }
    }

    /// <summary>Opens a new file for writing, owner-only from the moment it exists; throws <see cref="IOException"/> if it is already there.</summary>
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FilePermissions;
        }
        return new FileStream(path, options);
    }
}
