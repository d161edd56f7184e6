using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

public sealed record PromptOption(int Id, string Text);

/// <summary>What the story forms need: the project, its open prompts and the perspective to preselect.</summary>
public sealed record StoryFormContext(int ProjectId, string ProjectTitle, Visibility Visibility, Phase Phase,
    IReadOnlyList<PromptOption> Prompts, Perspective DefaultPerspective, ProjectPermissions? Permissions);

/// <summary>A story shared through the share link, with the private key its teller sees once.</summary>
public sealed record SharedStory(Story Story, string Key);

/// <summary>
/// A resident tells a story: signed in (anyone who may read the project, observers too), or through the
/// project's share link without an account, also for members-only projects. Pages and API use this class.
/// </summary>
public sealed class ShareStory(AppDbContext db, ProjectAccess access, Caller user, TimeProvider clock)
{
    public async Task<Outcome<StoryFormContext>> FormAsync(int projectId, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<StoryFormContext>.NotFound();
        if (!user.IsSignedIn) return Outcome<StoryFormContext>.Forbidden();
        var perspective = await StoryFields.PerspectiveOfAsync(db, permissions, ct);
        return Outcome<StoryFormContext>.Ok(await ContextAsync(db, projectId, perspective, permissions, ct));
    }

    /// <summary>NotFound for a share link that is wrong, renewed or switched off.</summary>
    public async Task<Outcome<StoryFormContext>> FormForLinkAsync(string? token, CancellationToken ct = default)
    {
        var projectId = await ProjectOfLinkAsync(token, ct);
        if (projectId is null) return Outcome<StoryFormContext>.NotFound();
        return Outcome<StoryFormContext>.Ok(await ContextAsync(db, projectId.Value, Perspective.Experience, null, ct));
    }

    public async Task<Outcome<Story>> ShareAsync(int projectId, StoryInput input, CancellationToken ct = default)
    {
        var form = await FormAsync(projectId, ct);
        if (!form.IsOk) return form.Status == OutcomeStatus.NotFound ? Outcome<Story>.NotFound() : Outcome<Story>.Forbidden();
        var context = form.Value!;
        var now = clock.GetUtcNow().UtcDateTime;
        var story = new Story { TellerId = user.Id, AuthorId = user.Id, ConsentById = user.Id, ConsentAt = now, CreatedAt = now, UpdatedAt = now, Phase = context.Phase };
        // The account's e-mail address is used for updates: no second address is kept.
        var v = await StoryFields.ApplyAsync(db, story, projectId, input, context.DefaultPerspective, allowEmail: false, ct);
        if (!v.IsValid) return v;
        db.Stories.Add(story);
        await db.SaveChangesAsync(ct);
        return Outcome<Story>.Ok(story);
    }

    public async Task<Outcome<SharedStory>> ShareByLinkAsync(string? token, StoryInput input, CancellationToken ct = default)
    {
        var form = await FormForLinkAsync(token, ct);
        if (!form.IsOk) return Outcome<SharedStory>.NotFound();
        var context = form.Value!;
        var now = clock.GetUtcNow().UtcDateTime;
        var key = Tokens.New();
        // No account: the private key is how this teller comes back to read, signify or withdraw. Only its hash is kept.
        var story = new Story { TellerKeyHash = Tokens.Hash(key), ConsentAt = now, CreatedAt = now, UpdatedAt = now, Phase = context.Phase };
        var v = await StoryFields.ApplyAsync(db, story, context.ProjectId, input, Perspective.Experience, allowEmail: true, ct);
        if (!v.IsValid) return v;
        db.Stories.Add(story);
        await db.SaveChangesAsync(ct);
        return Outcome<SharedStory>.Ok(new SharedStory(story, key));
    }

    private async Task<int?> ProjectOfLinkAsync(string? token, CancellationToken ct)
    {
        if (!Tokens.LooksValid(token)) return null;
        return await db.Projects.Where(p => p.StoryShareToken == token).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
    }

    internal static async Task<StoryFormContext> ContextAsync(AppDbContext db, int projectId, Perspective perspective, ProjectPermissions? permissions, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Title, p.Visibility, p.Phase }).FirstAsync(ct);
        var prompts = await db.StoryPrompts.AsNoTracking().Where(p => p.ProjectId == projectId && !p.IsArchived)
            .OrderBy(p => p.Position).ThenBy(p => p.Id).Select(p => new PromptOption(p.Id, p.Text)).ToListAsync(ct);
        return new StoryFormContext(projectId, project.Title, project.Visibility, project.Phase, prompts, perspective, permissions);
    }
}
