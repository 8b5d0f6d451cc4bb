using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.PeerSupport;

/// <summary>
/// Offers a peer supporter a debrief after a hard moment in the work: replying to someone whose wall post was
/// marked urgent or escalated, or facilitating a group session in which someone disclosed risk. Other features call it after their own change is saved. The reason says what kind
/// of moment it was, never who it was with or what they wrote; a second hard moment before the first debrief is
/// held does not pile up another.
/// </summary>
public sealed class HardMoments(WaymarkDbContext db, PeerSupportAccess access, PeerSupportRecords records)
{
    public const string UrgentWallReply = "replying to an urgent post on the wall";
    public const string GroupDisclosure = "someone disclosed risk in a group session you facilitated";
    private const string GroupDisclosureToSupervisors = "someone disclosed risk in a group session they facilitated";

    /// <summary>A prompt's reason as a supervisor reads it: about the peer supporter, not to them.</summary>
    public static string? ForSupervisors(string? reason) => reason == GroupDisclosure ? GroupDisclosureToSupervisors : reason;

    /// <summary>
    /// After someone disclosed risk in a session <paramref name="userId"/> facilitated. Each session is its own
    /// hard moment, so this always offers one (the caller makes sure it is once per session); nothing for someone
    /// who is not a peer supporter of the organisation.
    /// </summary>
    public Task AfterGroupDisclosureAsync(Guid userId, Guid organisationId, CancellationToken ct = default) =>
        records.PromptDebriefAsync(userId, organisationId, GroupDisclosure, ct);

    /// <summary>After <paramref name="userId"/> replied privately to an urgent or escalated wall item. Nothing for someone who is not a peer supporter.</summary>
    public async Task AfterUrgentWallReplyAsync(Guid? userId, CancellationToken ct = default)
    {
        if (userId is not { } id)
        {
            return;
        }
        foreach (var organisationId in await access.PeerOrganisationIds(id).ToListAsync(ct))
        {
            if (!await db.Debriefs.AnyAsync(d => d.UserId == id && d.OrganisationId == organisationId && d.HeldAt == null && d.Reason == UrgentWallReply, ct))
            {
                await records.PromptDebriefAsync(id, organisationId, UrgentWallReply, ct);
            }
        }
    }
}
