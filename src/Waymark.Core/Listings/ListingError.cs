namespace Waymark.Core.Listings;

/// <summary>
/// Why an edit was refused, worded for the person making it, and the field of the edit it belongs to (a property of
/// the edit's input, such as <c>Name</c> or <c>Rows[0].Days</c>). A page shows it in its error summary; an API would
/// key its problem details by the field.
/// </summary>
public sealed record ListingError(string Field, string Message);
