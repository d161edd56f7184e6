using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

public sealed record PromptRow(int Id, string Text, bool IsArchived, int StoryCount);

public sealed record PromptsOverview(int ProjectId, string ProjectTitle, IReadOnlyList<PromptRow> Open, IReadOnlyList<PromptRow> Archived, string? ShareToken);

/// <summary>
/// Facilitators set the prompts residents answer ("Vertel over een moment waarop …") and the share link through
/// which anyone can tell a story without an account. Archiving keeps the stories that answered a prompt.
/// </summary>
public sealed class ManagePrompts(AppDbContext db, ProjectAccess access)
{
    public async Task<Outcome<PromptsOverview>> LoadAsync(int projectId, CancellationToken ct = default)
    {
        var allowed = await AllowedAsync(projectId, ct);
        if (!allowed.IsOk) return Refused<PromptsOverview>(allowed);
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new { p.Title, p.StoryShareToken }).FirstAsync(ct);
        var prompts = await db.StoryPrompts.AsNoTracking().Where(p => p.ProjectId == projectId)
            .OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new PromptRow(p.Id, p.Text, p.IsArchived, db.Stories.Count(s => s.PromptId == p.Id && s.WithdrawnAt == null)))
            .ToListAsync(ct);
        return Outcome<PromptsOverview>.Ok(new PromptsOverview(projectId, project.Title,
            prompts.Where(p => !p.IsArchived).ToList(), prompts.Where(p => p.IsArchived).ToList(), project.StoryShareToken));
    }

    public async Task<Outcome<StoryPrompt>> AddAsync(int projectId, string? text, CancellationToken ct = default)
    {
        var allowed = await AllowedAsync(projectId, ct);
        if (!allowed.IsOk) return Refused<StoryPrompt>(allowed);
        var v = new Validation();
        var checkedText = v.Text("Text", text, StoryLimits.Prompt, label: "de verhaalvraag");
        if (!v.IsValid) return v;
        var last = await db.StoryPrompts.Where(p => p.ProjectId == projectId).MaxAsync(p => (int?)p.Position, ct) ?? 0;
        var prompt = new StoryPrompt { ProjectId = projectId, Text = checkedText, Position = last + 1 };
        db.StoryPrompts.Add(prompt);
        await db.SaveChangesAsync(ct);
        return Outcome<StoryPrompt>.Ok(prompt);
    }

    public async Task<Outcome<StoryPrompt>> EditAsync(int projectId, int promptId, string? text, CancellationToken ct = default)
    {
        var found = await FindAsync(projectId, promptId, ct);
        if (!found.IsOk) return found;
        var v = new Validation();
        var checkedText = v.Text("Text", text, StoryLimits.Prompt, label: "de verhaalvraag");
        if (!v.IsValid) return v;
        found.Value!.Text = checkedText;
        await db.SaveChangesAsync(ct);
        return found;
    }

    /// <summary>Archived prompts are no longer offered; stories that answered them keep showing their prompt.</summary>
    public async Task<Outcome<StoryPrompt>> SetArchivedAsync(int projectId, int promptId, bool archived, CancellationToken ct = default)
    {
        var found = await FindAsync(projectId, promptId, ct);
        if (!found.IsOk) return found;
        var prompt = found.Value!;
        prompt.IsArchived = archived;
        if (!archived)
            prompt.Position = (await db.StoryPrompts.Where(p => p.ProjectId == projectId).MaxAsync(p => (int?)p.Position, ct) ?? 0) + 1;
        await db.SaveChangesAsync(ct);
        return found;
    }

    /// <summary>Swaps a prompt with its open neighbour above (up) or below; at either end nothing changes.</summary>
    public async Task<Outcome<StoryPrompt>> MoveAsync(int projectId, int promptId, bool up, CancellationToken ct = default)
    {
        var found = await FindAsync(projectId, promptId, ct);
        if (!found.IsOk) return found;
        var open = await db.StoryPrompts.Where(p => p.ProjectId == projectId && !p.IsArchived)
            .OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(ct);
        var index = open.FindIndex(p => p.Id == promptId);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= open.Count) return found;
        (open[index], open[other]) = (open[other], open[index]);
        // Renumber all open prompts, so equal or missing positions from earlier edits sort themselves out.
        for (var i = 0; i < open.Count; i++) open[i].Position = i + 1;
        await db.SaveChangesAsync(ct);
        return found;
    }

    /// <summary>Turns the share link on or gives it a new secret (the old link stops working).</summary>
    public async Task<Outcome<string>> RenewShareLinkAsync(int projectId, CancellationToken ct = default)
    {
        var allowed = await AllowedAsync(projectId, ct);
        if (!allowed.IsOk) return Refused<string>(allowed);
        var project = await db.Projects.FirstAsync(p => p.Id == projectId, ct);
        project.StoryShareToken = Tokens.New();
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(project.StoryShareToken);
    }

    public async Task<Outcome<string>> TurnOffShareLinkAsync(int projectId, CancellationToken ct = default)
    {
        var allowed = await AllowedAsync(projectId, ct);
        if (!allowed.IsOk) return Refused<string>(allowed);
        var project = await db.Projects.FirstAsync(p => p.Id == projectId, ct);
        project.StoryShareToken = null;
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok("");
    }

    public async Task<Outcome<bool>> AllowedAsync(int projectId, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<bool>.NotFound();
        return permissions.CanManage ? Outcome<bool>.Ok(true) : Outcome<bool>.Forbidden();
    }

    private async Task<Outcome<StoryPrompt>> FindAsync(int projectId, int promptId, CancellationToken ct)
    {
        var allowed = await AllowedAsync(projectId, ct);
        if (!allowed.IsOk) return Refused<StoryPrompt>(allowed);
        var prompt = await db.StoryPrompts.FirstOrDefaultAsync(p => p.Id == promptId && p.ProjectId == projectId, ct);
        return prompt is null ? Outcome<StoryPrompt>.NotFound() : Outcome<StoryPrompt>.Ok(prompt);
    }

    private static Outcome<T> Refused<T>(Outcome<bool> allowed) =>
        allowed.Status == OutcomeStatus.NotFound ? Outcome<T>.NotFound() : Outcome<T>.Forbidden();
}
