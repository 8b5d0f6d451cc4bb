using Waymark.Core.Directory;
using Waymark.Core.Matching;

namespace Waymark.Web.Pages.Find;

/// <summary>
/// One result as a card: the match, where its name links to, the instant it was judged at, whether a navigator may refer
/// from it, and on the help-now page the number to call or text.
/// </summary>
/// <remarks><paramref name="Level"/> is the card heading's level: 2 under the page's heading, 3 under a section's.</remarks>
public sealed record ResultCard(ServiceMatch Match, string Href, DateTimeOffset At, bool Navigator, PhoneWay? Contact = null, int Level = 2);
