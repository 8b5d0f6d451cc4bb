namespace Waymark.Core.Gazetteer;

/// <summary>A full postcode loaded from the ONS Postcode Directory (`waymark import onspd`).</summary>
public sealed class GazetteerPostcode
{
    /// <summary>Normalised: upper case, one space before the inward code ("S1 2HE").</summary>
    public required string Postcode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }

    /// <summary>The GSS code of the postcode's local authority district, as ONSPD gives it (it may be an older code the table knows as an alias).</summary>
    public string? LocalAuthorityCode { get; set; }
}
