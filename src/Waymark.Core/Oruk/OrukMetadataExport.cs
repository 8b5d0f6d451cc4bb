using System.Globalization;
using Waymark.Core.Listings;

namespace Waymark.Core.Oruk;

/// <summary>The listing editor's history rows as ORUK/HSDS metadata records.</summary>
public static class OrukMetadataExport
{
    /// <summary>
    /// Who made a change is kept for the provider's own history page, but a public API does not name staff:
    /// the published history says a change came through the listing editor.
    /// </summary>
    public const string PublicUpdatedBy = "Waymark listing editor";

    public static OrukMetadata ToPublicOruk(MetadataEntry m) => ToOruk(m) with { UpdatedBy = PublicUpdatedBy };

    public static OrukMetadata ToOruk(MetadataEntry m) => new()
    {
        Id = m.Id,
        ResourceId = m.ResourceId,
        ResourceType = m.ResourceType,
        LastActionDate = m.LastActionDate.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        LastActionType = m.LastActionType,
        FieldName = m.FieldName,
        PreviousValue = m.PreviousValue,
        ReplacementValue = m.ReplacementValue,
        UpdatedBy = m.UpdatedBy,
    };
}
