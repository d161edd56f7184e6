using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Ideas;

/// <summary>A status change as a reader sees it: ByName only for who may see member names (and never after erasure).</summary>
public sealed record StatusChangeView(IdeaStatus From, IdeaStatus To, string Reason, string? ByName, DateTime At);

/// <summary>The idea page: the idea, its questions, status with history, support, and what the caller may do.</summary>
public sealed record IdeaView(
    int Id, int ProjectId, string ProjectTitle, string Title, string Text, string Html, Perspective KnowledgeSource, Phase Phase,
    string? AuthorName, DateTime CreatedAt, int? SessionId, IdeaStatus Status, IReadOnlyList<StatusChangeView> History,
    IReadOnlyList<QuestionRef> Questions, SupportCount Support, ProjectSupport ProjectSupport,
    bool IsSignedIn, bool ISupport, Perspective? MemberPerspective, bool CanEdit, bool CanChangeStatus, bool CanMakePrototype)
{
    /// <summary>A signed-in reader who is not a member chooses the perspective of their support.</summary>
    public bool ChoosesPerspective => MemberPerspective is null;
}

public sealed class GetIdea(AppDbContext db, ProjectAccess access, IdeaSupportTally tally)
{
    /// <summary>NotFound for anything that is not an idea the caller may read (another kind, a hidden project).</summary>
    public async Task<Outcome<IdeaView>> RunAsync(int id, CancellationToken ct = default)
    {
        var idea = await db.Items.OfType<Idea>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (idea is null) return Outcome<IdeaView>.NotFound();
        var p = await access.ForProjectAsync(idea.ProjectId, ct);
        if (p is null) return Outcome<IdeaView>.NotFound();
        var projectTitle = await db.Projects.Where(x => x.Id == idea.ProjectId).Select(x => x.Title).FirstAsync(ct);
        var author = idea.AuthorId is null || !p.CanSeeMemberNames ? null
            : await db.Users.Where(u => u.Id == idea.AuthorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var history = await db.Set<IdeaStatusChange>().AsNoTracking().Where(c => c.IdeaId == id).OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new { c.FromStatus, c.ToStatus, c.Reason, c.At, By = db.Users.Where(u => u.Id == c.ByUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var support = await tally.ForProjectAsync(idea.ProjectId, await tally.IdeaIdsAsync(idea.ProjectId, ct), ct);
        var questions = await tally.QuestionsAsync([id], ct);
        var mine = p.UserId is { } userId && await db.Set<IdeaSupport>().AnyAsync(s => s.IdeaId == id && s.UserId == userId, ct);
        return Outcome<IdeaView>.Ok(new IdeaView(idea.Id, idea.ProjectId, projectTitle, idea.Title, idea.Text, idea.Html, idea.KnowledgeSource, idea.Phase,
            author, idea.CreatedAt, idea.SessionId, idea.Status,
            history.Select(c => new StatusChangeView(c.FromStatus, c.ToStatus, c.Reason, p.CanSeeMemberNames ? c.By : null, c.At)).ToList(),
            questions.GetValueOrDefault(id) ?? [], support.For(id), support,
            p.IsSignedIn, mine, p.Perspective, ThreadAccess.MayChange(p, idea.AuthorId), p.CanFacilitate, p.CanFacilitate));
    }
}
