using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Offers;

/// <summary>An offer with what the caller may do with it. Project is null for an offer of the programme only.</summary>
public sealed record OfferContext(Offer Offer, ProjectPermissions? Project, string? UserId, bool IsAdmin, bool IsModerator)
{
    public bool IsSignedIn => UserId is not null;
    public bool IsOwner => UserId is not null && UserId == Offer.OwnerId;
    public bool IsHidden => Offer.HiddenAt is not null;
    public bool IsClosed => Offer.ClosedAt is not null;
    /// <summary>Reply and suggest matches: signed in, and not an observer of its project (observers read along, as with pledges).</summary>
    public bool MayTakePart => IsSignedIn && Project?.Role != ProjectRole.Observer;
    public bool MayEdit => IsOwner || IsAdmin;
    /// <summary>Hidden by moderation: only who may moderate it (its project's facilitators, admins) still read it.</summary>
    public bool MayReadContent => !IsHidden || IsModerator;
}

/// <summary>
/// Who may do what with vraag en aanbod (issue 14), as with initiatives: an offer of a project is read as its project
/// (a members-only project's offers do not exist for others), an offer of a programme by everyone (programmes are
/// public). Anyone signed in posts in a programme; in a project its members (not observers) and admins. Session guests
/// and key holders have no account, so they read only. The owner (or an admin) edits and closes it.
/// </summary>
public sealed class OfferRules(AppDbContext db, ProjectAccess access, Caller user)
{
    public const string Hidden = "Dit is verborgen door moderatie. Je kunt er nu niet op reageren.";
    public const string Closed = "Dit is al geregeld. Je kunt er geen nieuw gesprek over beginnen.";

    /// <summary>NotFound when it does not exist or may not be read.</summary>
    public async Task<Outcome<OfferContext>> LoadAsync(int id, bool tracked = false, CancellationToken ct = default)
    {
        var query = db.Set<Offer>().Where(o => o.Id == id);
        var offer = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (offer is null) return Outcome<OfferContext>.NotFound();
        ProjectPermissions? p = null;
        if (offer.ProjectId is { } projectId)
        {
            p = await access.ForProjectAsync(projectId, ct);
            if (p is null) return Outcome<OfferContext>.NotFound();
        }
        var moderator = user.IsAdmin || p?.CanManage == true;
        return Outcome<OfferContext>.Ok(new OfferContext(offer, p, user.Id, user.IsAdmin, moderator));
    }

    /// <summary>Offers the caller may read, never those hidden by moderation.</summary>
    public IQueryable<Offer> Readable()
    {
        var projects = access.ReadableProjects().Select(p => p.Id);
        return db.Set<Offer>().AsNoTracking().Where(o => o.HiddenAt == null && (o.ProjectId == null || projects.Contains(o.ProjectId.Value)));
    }

    /// <summary>Where a new offer goes: NotFound for an unknown or unreadable place, Forbidden for who may not post there.</summary>
    public async Task<Outcome<OfferPlace>> PlaceAsync(int? programmeId, int? projectId, CancellationToken ct = default)
    {
        if (projectId is { } pid)
        {
            var p = await access.ForProjectAsync(pid, ct);
            if (p is null) return Outcome<OfferPlace>.NotFound();
            if (!user.IsSignedIn) return Outcome<OfferPlace>.Forbidden();
            if (!(p.IsTeam || p.IsAdmin)) return Outcome<OfferPlace>.Forbidden();
            var title = await db.Projects.Where(x => x.Id == pid).Select(x => x.Title).FirstAsync(ct);
            return Outcome<OfferPlace>.Ok(new OfferPlace(p.ProgrammeId, pid, title));
        }
        if (programmeId is not { } gid) return Outcome<OfferPlace>.NotFound();
        var programme = await db.Programmes.Where(x => x.Id == gid).Select(x => x.Title).FirstOrDefaultAsync(ct);
        if (programme is null) return Outcome<OfferPlace>.NotFound();
        if (!user.IsSignedIn) return Outcome<OfferPlace>.Forbidden();
        return Outcome<OfferPlace>.Ok(new OfferPlace(gid, null, programme));
    }
}

/// <summary>Where an offer is posted: the programme, optionally one of its projects, and the name to show.</summary>
public sealed record OfferPlace(int ProgrammeId, int? ProjectId, string Title);
