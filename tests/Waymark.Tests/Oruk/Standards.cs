namespace Waymark.Tests.Oruk;

/// <summary>
/// The Open Referral UK files kept in the repository's standards/oruk-3.0, which the test project copies
/// beside its binaries, so a clone anywhere runs the suite with nothing beside it.
/// </summary>
public static class Standards
{
    public static string Path(params string[] parts)
    {
        var path = System.IO.Path.Combine([AppContext.BaseDirectory, "standards", "oruk-3.0", .. parts]);
        return System.IO.Directory.Exists(path) || File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: the test project copies standards/oruk-3.0 from the repository root.");
    }
}
