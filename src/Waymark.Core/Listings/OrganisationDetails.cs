using Waymark.Core.Directory;

namespace Waymark.Core.Listings;

/// <summary>An organisation's details as a person types them: checked and applied by <see cref="ListingEditor"/>.</summary>
public sealed class OrganisationDetails
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }

    public static OrganisationDetails From(Organization org)
    {
        ArgumentNullException.ThrowIfNull(org);
        return new OrganisationDetails { Name = org.Name, Description = org.Description, Email = org.Email, Website = org.Website };
    }
}
