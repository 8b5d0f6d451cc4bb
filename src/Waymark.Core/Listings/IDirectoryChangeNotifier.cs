namespace Waymark.Core.Listings;

/// <summary>
/// Told after a listing change has been saved, so that search can rebuild or patch its in-memory snapshot
/// (the listing editor promises that changes reach search within a second).
/// </summary>
public interface IDirectoryChangeNotifier
{
    void DirectoryChanged();
}

/// <summary>The default until search registers its own: nothing to refresh.</summary>
public sealed class NoDirectoryChangeNotifier : IDirectoryChangeNotifier
{
    public void DirectoryChanged()
    {
    }
}
