using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Web;

namespace Proeftuin.Features.Feedback;

/// <summary>The proef or form a feedback page is about, and what the caller may do with it.</summary>
public sealed record FeedbackContext(int ExperimentId, string ExperimentTitle, ExperimentStatus ExperimentStatus, int ProjectId, string ProjectTitle, ProjectPermissions Permissions)
{
    /// <summary>The team pages (forms, slips, answers) are read by the workspace: members, observers, facilitators, admins.</summary>
    public bool CanRead => Permissions.CanSeeWorkspace;
    /// <summary>Members (not observers) make forms, open and close them, print slips and link evidence.</summary>
    public bool CanEdit => Permissions.CanContribute;
}

/// <summary>
/// Named rules for the feedback pages: a proef or form that does not exist, or whose project may not be read, is
/// NotFound (nothing leaks); the answers are team-only, so reading needs the workspace; changing needs the team.
/// </summary>
public sealed class FeedbackAccess(AppDbContext db, ProjectAccess access)
{
    public async Task<Outcome<FeedbackContext>> ForExperimentAsync(int experimentId, bool edit, CancellationToken ct = default)
    {
        var e = await db.Items.OfType<Experiment>().AsNoTracking().Where(x => x.Id == experimentId)
            .Select(x => new { x.Id, x.Title, x.Status, x.ProjectId, ProjectTitle = x.Project.Title }).FirstOrDefaultAsync(ct);
        if (e is null) return Outcome<FeedbackContext>.NotFound();
        var p = await access.ForProjectAsync(e.ProjectId, ct);
        if (p is null) return Outcome<FeedbackContext>.NotFound();
        var context = new FeedbackContext(e.Id, e.Title, e.Status, e.ProjectId, e.ProjectTitle, p);
        if (!context.CanRead || (edit && !context.CanEdit)) return Outcome<FeedbackContext>.Forbidden();
        return Outcome<FeedbackContext>.Ok(context);
    }

    public async Task<Outcome<(FeedbackForm Form, FeedbackContext Context)>> ForFormAsync(int formId, bool edit, bool track = false, CancellationToken ct = default)
    {
        var query = db.Set<FeedbackForm>().Include(f => f.Questions).Where(f => f.Id == formId);
        var form = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (form is null) return Outcome<(FeedbackForm, FeedbackContext)>.NotFound();
        var context = await ForExperimentAsync(form.ExperimentId, edit, ct);
        if (!context.IsOk) return context.Status == OutcomeStatus.NotFound ? Outcome<(FeedbackForm, FeedbackContext)>.NotFound() : Outcome<(FeedbackForm, FeedbackContext)>.Forbidden();
        form.Questions = [.. form.Questions.OrderBy(q => q.Position).ThenBy(q => q.Id)];
        return Outcome<(FeedbackForm, FeedbackContext)>.Ok((form, context.Value!));
    }
}
