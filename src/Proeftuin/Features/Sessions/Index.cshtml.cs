using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>A project's sessions, for its team (observers included: they may watch a session).</summary>
public sealed class IndexModel(ProjectAccess access, AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string Title, SessionState State, int Steps, DateTime CreatedAt, int Participants, DateOnly? PlannedDate, TimeOnly? PlannedTime, string? Place);

    public int ProjectId { get; private set; }
    public string ProjectTitle { get; private set; } = "";
    public bool CanPlan { get; private set; }
    public IReadOnlyList<Row> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int projectId)
    {
        var ct = HttpContext.RequestAborted;
        var project = await access.ForProjectAsync(projectId, ct);
        if (project is null) return NotFound();
        if (!project.IsMember && !project.CanManage) return this.Denied();
        ProjectId = projectId;
        CanPlan = project.CanManage;
        ProjectTitle = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).FirstAsync(ct);
        Sessions = await db.Sessions.AsNoTracking().Where(s => s.ProjectId == projectId)
            .OrderBy(s => s.State == SessionState.Closed).ThenByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new Row(s.Id, s.Title, s.State, s.Steps.Count, s.CreatedAt, db.Participants.Count(p => p.SessionId == s.Id && p.RemovedAt == null), s.PlannedDate, s.PlannedTime, s.Place))
            .ToListAsync(ct);
        return Page();
    }
}
