using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>An initiative with what the caller may do with it. Project is null for an initiative of the programme only.</summary>
public sealed record InitiativeContext(Initiative Initiative, ProjectPermissions? Project, string? UserId, bool IsAdmin, bool IsInitiator, bool IsFacilitator)
{
    public bool IsSignedIn => UserId is not null;
    public bool IsHidden => Initiative.HiddenAt is not null;
    /// <summary>Signed in, and not an observer of its project (observers read along, they do not take part).</summary>
    public bool MayPledge => IsSignedIn && Project?.Role != ProjectRole.Observer;
    public bool MayEdit => IsInitiator || IsAdmin;
    public bool MayRespond => IsFacilitator;
    /// <summary>Hidden by moderation: only who may moderate (facilitators, admins) still read it.</summary>
    public bool MayReadContent => !IsHidden || IsFacilitator;
    public bool SeesNames => IsInitiator || IsFacilitator;
    /// <summary>The perspective a pledge counts under: the person's in the project, else their own.</summary>
    public Perspective? ProjectPerspective => Project?.Perspective;
}

/// <summary>
/// Who may do what with initiatives (issue 14). A project's initiative is read as its project (ProjectAccess: a
/// members-only project's initiatives do not exist for others); a programme's initiative by everyone (programmes are
/// public). Members of the project (not observers) start one there; anyone signed in starts one in a programme. The
/// initiators edit it. Facilitators of its project, for a programme initiative facilitators of any project of the
/// programme, and admins respond.
/// </summary>
public sealed class InitiativeRules(AppDbContext db, ProjectAccess access, Caller user)
{
    public const string Hidden = "Dit initiatief is verborgen door moderatie. Je kunt nu niet meedoen.";
    public const string NotNow = "Dit initiatief staat op ‘niet nu’. Je kunt nu niet meedoen.";
    public const string Closed = "De initiatiefnemers nemen geen nieuwe aanmeldingen meer aan. De drempel is gehaald.";

    /// <summary>NotFound when it does not exist or may not be read.</summary>
    public async Task<Outcome<InitiativeContext>> LoadAsync(int id, bool tracked = false, CancellationToken ct = default)
    {
        var query = db.Set<Initiative>().Include(i => i.Initiators).Where(i => i.Id == id);
        var initiative = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (initiative is null) return Outcome<InitiativeContext>.NotFound();
        ProjectPermissions? p = null;
        if (initiative.ProjectId is { } projectId)
        {
            p = await access.ForProjectAsync(projectId, ct);
            if (p is null) return Outcome<InitiativeContext>.NotFound();
        }
        var isInitiator = user.Id is { } me && initiative.Initiators.Any(x => x.UserId == me);
        var facilitator = await IsFacilitatorAsync(initiative.ProgrammeId, p, ct);
        return Outcome<InitiativeContext>.Ok(new InitiativeContext(initiative, p, user.Id, user.IsAdmin, isInitiator, facilitator));
    }

    /// <summary>Who responds: facilitators of the project (or, in a programme, of any of its projects) and admins.</summary>
    public async Task<bool> IsFacilitatorAsync(int programmeId, ProjectPermissions? p, CancellationToken ct = default)
    {
        if (user.IsAdmin) return true;
        if (p is not null) return p.CanFacilitate;
        if (user.Id is not { } me) return false;
        return await db.Memberships.AnyAsync(m => m.UserId == me && m.Role == ProjectRole.Facilitator && m.Project.ProgrammeId == programmeId, ct);
    }

    /// <summary>Where a new initiative goes: NotFound for an unknown or unreadable place, Forbidden for who may not start one there.</summary>
    public async Task<Outcome<(int ProgrammeId, int? ProjectId, string Title)>> PlaceAsync(int? programmeId, int? projectId, CancellationToken ct = default)
    {
        if (projectId is { } pid)
        {
            var p = await access.ForProjectAsync(pid, ct);
            if (p is null) return Outcome<(int, int?, string)>.NotFound();
            if (!user.IsSignedIn) return Outcome<(int, int?, string)>.Forbidden();
            if (!(p.IsTeam || p.IsAdmin)) return Outcome<(int, int?, string)>.Forbidden();
            var title = await db.Projects.Where(x => x.Id == pid).Select(x => x.Title).FirstAsync(ct);
            return Outcome<(int, int?, string)>.Ok((p.ProgrammeId, pid, title));
        }
        if (programmeId is not { } gid) return Outcome<(int, int?, string)>.NotFound();
        var programme = await db.Programmes.Where(x => x.Id == gid).Select(x => x.Title).FirstOrDefaultAsync(ct);
        if (programme is null) return Outcome<(int, int?, string)>.NotFound();
        if (!user.IsSignedIn) return Outcome<(int, int?, string)>.Forbidden();
        return Outcome<(int, int?, string)>.Ok((gid, null, programme));
    }
}
