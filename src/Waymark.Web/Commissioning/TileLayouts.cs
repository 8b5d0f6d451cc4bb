namespace Waymark.Web.Commissioning;

/// <summary>Where each authority sits on a region's tile map: roughly its place on the ground, one square each.</summary>
public static class TileLayouts
{
    private static readonly Dictionary<string, (string Abbreviation, int Row, int Col)> YorkshireAndTheHumber = new(StringComparer.Ordinal)
    {
        ["E06000065"] = ("NYk", 0, 1), ["E06000014"] = ("Yrk", 0, 2), ["E06000011"] = ("ERY", 0, 3),
        ["E08000032"] = ("Brd", 1, 0), ["E08000035"] = ("Lds", 1, 1), ["E06000010"] = ("Hul", 1, 3),
        ["E08000033"] = ("Cal", 2, 0), ["E08000034"] = ("Kir", 2, 1), ["E08000036"] = ("Wak", 2, 2), ["E06000013"] = ("NLn", 2, 3),
        ["E08000038"] = ("Bar", 3, 1), ["E08000017"] = ("Don", 3, 2), ["E06000012"] = ("NEL", 3, 3),
        ["E08000039"] = ("Shf", 4, 1), ["E08000018"] = ("Rot", 4, 2),
    };

    /// <summary>The tiles of a region's authorities: the drawn layout when it has them all, else a grid in the order given.</summary>
    public static IReadOnlyList<(string Abbreviation, int Row, int Col)> For(IReadOnlyList<(string Code, string Name)> authorities) =>
        authorities.All(a => YorkshireAndTheHumber.ContainsKey(a.Code))
            ? [.. authorities.Select(a => YorkshireAndTheHumber[a.Code])]
            : [.. authorities.Select((a, i) => (a.Name.Length > 3 ? a.Name[..3] : a.Name, i / 5, i % 5))];
}
