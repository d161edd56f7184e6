using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>"from": this item → the other ("dit inzicht onderbouwt …"); "to": the other → this item.</summary>
public sealed record LinkInput(LinkType? Type, string? Direction, int? OtherId);

/// <summary>
/// Verbanden between two items of one project, added from either side by team members; removed by whoever
/// made them or a facilitator. A link that touches a story tells its teller (see <see cref="NotifyTeller"/>).
/// </summary>
public sealed class SaveLink(AppDbContext db, ProjectAccess access, ThreadAccess thread, Caller user, NotifyTeller notify, TimeProvider clock)
{
    public static readonly string From = "from";
    public static readonly string To = "to";

    public const string Duplicate = "Deze twee hebben al een verband. Je vindt het bij „Verbanden”; haal het daar weg als je een ander soort verband wilt leggen.";

    /// <summary>The item the link is added from, when the caller may link it.</summary>
    public async Task<Outcome<(ThreadItem Item, ProjectPermissions Permissions)>> CanLinkAsync(int itemId, CancellationToken ct = default)
    {
        var readable = await thread.ReadableAsync(itemId, ct);
        if (readable is not { } r) return Outcome<(ThreadItem, ProjectPermissions)>.NotFound();
        return r.Permissions.CanContribute ? Outcome<(ThreadItem, ProjectPermissions)>.Ok(r) : Outcome<(ThreadItem, ProjectPermissions)>.Forbidden();
    }

    public async Task<Outcome<Link>> AddAsync(int itemId, LinkInput input, CancellationToken ct = default)
    {
        var allowed = await CanLinkAsync(itemId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<Link>.NotFound() : Outcome<Link>.Forbidden();
        var (item, p) = allowed.Value;

        var v = new Validation();
        var type = v.Enum("Type", input.Type ?? (LinkType)(-1), "Kies wat voor verband het is.");
        if (input.Direction != From && input.Direction != To) v.Add("Direction", "Kies de richting van het verband.");
        if (input.OtherId is null) v.Add("OtherId", "Kies het andere onderdeel.");
        else if (input.OtherId == itemId) v.Add("OtherId", "Een onderdeel kan geen verband met zichzelf hebben.");
        if (!v.IsValid) return v;

        // The other item must be in this project and readable: a story of another project, a hidden story or
        // a withdrawn one is "not in the list" to the caller, whatever the reason.
        var other = await db.Items.FirstOrDefaultAsync(i => i.Id == input.OtherId && i.ProjectId == item.ProjectId, ct);
        if (other is null || (other is Story s && !p.CanRead(s)))
            return Outcome<Link>.Invalid("OtherId", "Kies een onderdeel uit de lijst van dit project.");
        var (fromId, toId) = input.Direction == From ? (item.Id, other.Id) : (other.Id, item.Id);
        // What may be linked to what is the kinds' say (their descriptors): story to story, for one, never.
        var (fromKind, toKind) = input.Direction == From ? (item.Kind, other.Kind) : (other.Kind, item.Kind);
        if (ThreadKinds.LinkProblem(fromKind, type, toKind) is { } problem)
            return Outcome<Link>.Invalid("OtherId", problem);
        if (await db.Links.AnyAsync(l => (l.FromId == fromId && l.ToId == toId) || (l.FromId == toId && l.ToId == fromId), ct))
            return Outcome<Link>.Invalid("OtherId", Duplicate);

        var link = new Link { ProjectId = item.ProjectId, FromId = fromId, ToId = toId, Type = type, CreatedById = user.Id, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Links.Add(link);
        var (origin, outcome) = LinkFlow.Ends(type, fromId == item.Id ? item : other, fromId == item.Id ? other : item);
        var mails = await notify.LinkedAsync(origin, outcome, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone linked the same two at the same moment: the unique index said no.
            return Outcome<Link>.Invalid("OtherId", Duplicate);
        }
        // A withdrawal saved in the meantime wins: no mail about a story that is gone (SendAsync checks).
        await notify.SendAsync(mails, ct);
        return Outcome<Link>.Ok(link);
    }

    /// <summary>
    /// Removes a link. Whoever may not read an end does not learn the link exists; a link to a withdrawn story
    /// ("ingetrokken verhaal") can still be removed.
    /// </summary>
    public async Task<Outcome<Link>> RemoveAsync(int linkId, CancellationToken ct = default)
    {
        var link = await db.Links.FirstOrDefaultAsync(l => l.Id == linkId, ct);
        if (link is null) return Outcome<Link>.NotFound();
        var p = await access.ForProjectAsync(link.ProjectId, ct);
        if (p is null) return Outcome<Link>.NotFound();
        var stories = await db.Stories.AsNoTracking().Where(s => s.Id == link.FromId || s.Id == link.ToId).ToListAsync(ct);
        if (stories.Any(s => !s.IsWithdrawn && !p.CanRead(s))) return Outcome<Link>.NotFound();
        if (!ThreadAccess.MayChange(p, link.CreatedById)) return Outcome<Link>.Forbidden();
        db.Links.Remove(link);
        await db.SaveChangesAsync(ct);
        return Outcome<Link>.Ok(link);
    }
}
