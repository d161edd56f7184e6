using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>Where an activity belongs: its programme, and its project when it has one.</summary>
public sealed record ActivityHome(int ProgrammeId, string ProgrammeTitle, int? ProjectId, string? ProjectTitle);

/// <summary>
/// Who does what with an activity. An activity of a project is read by who may read the project (members-only
/// projects: their members and admins; anyone else gets a 404); its facilitators (and admins) plan, change and cancel it.
/// An activity of the whole programme is read by anyone, like the programme; admins and the facilitators of a project
/// in the programme plan it. Anyone who may read an activity may sign up for it. Hidden activities (moderation) are
/// read only by who may manage them.
/// </summary>
public sealed class ActivityRules(AppDbContext db, ProjectAccess access, Caller user)
{
    /// <summary>May the caller plan an activity here? NotFound for unknown or unreadable targets, so nothing leaks.</summary>
    public async Task<Outcome<ActivityHome>> CanPlanAsync(int? programmeId, int? projectId, CancellationToken ct = default)
    {
        if (projectId is { } pid)
        {
            var p = await access.ForProjectAsync(pid, ct);
            if (p is null || (programmeId is { } given && given != p.ProgrammeId)) return Outcome<ActivityHome>.NotFound();
            if (!p.CanFacilitate) return Outcome<ActivityHome>.Forbidden();
            return Outcome<ActivityHome>.Ok(await HomeAsync(p.ProgrammeId, pid, ct));
        }
        if (programmeId is not { } programme || !await db.Programmes.AnyAsync(x => x.Id == programme, ct)) return Outcome<ActivityHome>.NotFound();
        if (!await CanManageProgrammeAsync(programme, ct)) return Outcome<ActivityHome>.Forbidden();
        return Outcome<ActivityHome>.Ok(await HomeAsync(programme, null, ct));
    }

    /// <summary>Admins, and who facilitates a project in the programme.</summary>
    public async Task<bool> CanManageProgrammeAsync(int programmeId, CancellationToken ct = default)
    {
        if (user.IsAdmin) return true;
        var id = user.Id;
        if (id is null) return false;
        return await db.Memberships.AnyAsync(m => m.UserId == id && m.Role == ProjectRole.Facilitator && m.Project.ProgrammeId == programmeId, ct);
    }

    /// <summary>The activity for who may read it, with whether they may manage it; null when it does not exist or may not be read.</summary>
    public async Task<(Activity Activity, bool CanManage)?> ReadAsync(int id, bool tracking = false, CancellationToken ct = default)
    {
        var query = tracking ? db.Set<Activity>() : db.Set<Activity>().AsNoTracking();
        var activity = await query.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return null;
        bool manage;
        if (activity.ProjectId is { } pid)
        {
            var p = await access.ForProjectAsync(pid, ct);
            if (p is null) return null;
            manage = p.CanFacilitate;
        }
        else
        {
            manage = await CanManageProgrammeAsync(activity.ProgrammeId, ct);
        }
        if (activity.HiddenAt is not null && !manage) return null;
        return (activity, manage);
    }

    /// <summary>As <see cref="ReadAsync"/>, for who must also manage it: NotFound or Forbidden otherwise.</summary>
    public async Task<Outcome<Activity>> ManageAsync(int id, CancellationToken ct = default)
    {
        var found = await ReadAsync(id, tracking: true, ct);
        if (found is not var (activity, manage)) return Outcome<Activity>.NotFound();
        return manage ? Outcome<Activity>.Ok(activity) : Outcome<Activity>.Forbidden();
    }

    /// <summary>The activities the caller may read, hidden ones left out: of the whole programme, or of a readable project.</summary>
    public IQueryable<Activity> Readable()
    {
        var projects = access.ReadableProjects().Select(p => p.Id);
        return db.Set<Activity>().AsNoTracking().Where(a => a.HiddenAt == null && (a.ProjectId == null || projects.Contains(a.ProjectId.Value)));
    }

    public async Task<ActivityHome> HomeAsync(int programmeId, int? projectId, CancellationToken ct = default)
    {
        var programme = await db.Programmes.Where(x => x.Id == programmeId).Select(x => x.Title).FirstAsync(ct);
        var project = projectId is { } pid ? await db.Projects.Where(x => x.Id == pid).Select(x => x.Title).FirstAsync(ct) : null;
        return new ActivityHome(programmeId, programme, projectId, project);
    }
}
