using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Learning;
using Proeftuin.Features.Members;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Reflections;

/// <summary>An answer as the reflection shows it: from the team's form or a post-it in its live session. Name is null when not shown.</summary>
public sealed record AnswerView(string? Name, Perspective Perspective, string Text, bool FromSession, bool Mine);

public sealed record PromptView(int Id, string Text, IReadOnlyList<AnswerView> Answers)
{
    /// <summary>Which kennisbronnen answered this prompt: the outcome should weigh all three.</summary>
    public IReadOnlyList<Perspective> Perspectives => [.. Answers.Select(a => a.Perspective).Distinct().Order()];
}

public sealed record ParticipantView(string Name, Perspective Perspective, bool Answered);

public sealed record ReflectionSessionView(int Id, string JoinCode, SessionState State);

public sealed record ReflectionView(
    int Id, int ProjectId, string ProjectTitle, string Title, string Html, DateOnly HeldOn, ReflectionStatus Status, string Outcome, string OutcomeHtml,
    string Advice, string AdviceHtml, string? AuthorName, IReadOnlyList<PromptView> Prompts, IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<QuestionChoice> Questions, ReflectionSessionView? Session, bool SeesAnswers, bool CanLead, bool CanAnswer, bool CanGather, bool HasAnswered)
{
    public bool IsDone => Status == ReflectionStatus.Done;
    public int AnswerCount => Prompts.Sum(p => p.Answers.Count);
    /// <summary>Answers per kennisbron, over all prompts, every perspective listed (also with zero).</summary>
    public IReadOnlyList<(Perspective Perspective, int Count)> ByPerspective =>
        [.. Enum.GetValues<Perspective>().Select(x => (x, Prompts.Sum(p => p.Answers.Count(a => a.Perspective == x))))];
}

/// <summary>
/// A reflection for its page: the plan, the prompts with the team's answers and the post-its of its live session
/// (for the project's members; a private step's post-its once they are shown or the session is over), who was invited
/// and who answered, the learning questions it looks at, and the outcome. A fixed number of queries.
/// </summary>
public sealed class GetReflection(AppDbContext db, ThreadAccess thread, Caller user)
{
    public async Task<Outcome<ReflectionView>> RunAsync(int id, CancellationToken ct = default)
    {
        var found = await thread.ReadableAsync(id, ct);
        if (found is not var (item, p) || item is not Reflection r) return Outcome<ReflectionView>.NotFound();
        var projectTitle = await db.Projects.Where(x => x.Id == r.ProjectId).Select(x => x.Title).FirstAsync(ct);
        var prompts = await db.Set<ReflectionPrompt>().AsNoTracking().Where(x => x.ReflectionId == id).OrderBy(x => x.Position).ToListAsync(ct);
        var sees = ReflectionRules.SeesAnswers(p);
        var names = p.CanSeeMemberNames;

        var answers = sees
            ? await db.Set<ReflectionAnswer>().AsNoTracking().Where(a => a.ReflectionId == id).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
                .Select(a => new { a.PromptId, a.UserId, a.Perspective, a.Text, Name = db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault() })
                .ToListAsync(ct)
            : [];
        var stepIds = prompts.Where(x => x.StepId != null).Select(x => x.StepId!.Value).ToList();
        var session = r.SessionId is { } sessionId
            ? await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new ReflectionSessionView(s.Id, s.JoinCode, s.State)).FirstOrDefaultAsync(ct)
            : null;
        var notes = sees && session is not null && stepIds.Count > 0
            ? await db.Notes.AsNoTracking().Where(n => stepIds.Contains(n.StepId)).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
                .Join(db.Steps, n => n.StepId, s => s.Id, (n, s) => new { n.StepId, n.Text, n.Participant.DisplayName, n.Participant.Perspective, n.Participant.UserId, s.Private, s.Revealed, s.Anonymous })
                .ToListAsync(ct)
            : [];
        var sessionOver = session?.State == SessionState.Closed;

        var invited = await db.Set<ReflectionParticipant>().AsNoTracking().Where(x => x.ReflectionId == id)
            .Join(db.Memberships.Where(m => m.ProjectId == r.ProjectId), x => x.UserId, m => m.UserId, (x, m) => new { x.UserId, m.User.DisplayName, m.Perspective })
            .OrderBy(x => x.DisplayName).ToListAsync(ct);
        var questions = await db.Links.AsNoTracking().Where(l => l.FromId == id && l.Type == LinkType.Supports && l.To.Kind == ItemKind.LearningQuestion)
            .Select(l => (LearningQuestion)l.To).OrderBy(q => q.Id).Select(q => new QuestionChoice(q.Id, q.Title, q.Status)).ToListAsync(ct);
        var author = r.AuthorId is null || !names ? null : await db.Users.Where(u => u.Id == r.AuthorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);

        var views = prompts.Select(x => new PromptView(x.Id, x.Text,
        [
            .. answers.Where(a => a.PromptId == x.Id).Select(a => new AnswerView(names ? a.Name ?? Privacy.FormerMember.Name : null, a.Perspective, a.Text, false, a.UserId == user.Id && user.Id != null)),
            .. notes.Where(n => n.StepId == x.StepId && (!n.Private || n.Revealed || sessionOver))
                .Select(n => new AnswerView(names && !n.Anonymous ? n.DisplayName : null, n.Perspective, n.Text, true, n.UserId == user.Id && user.Id != null)),
        ])).ToList();
        var answered = answers.Select(a => a.UserId).ToHashSet();
        var participants = names ? invited.Select(x => new ParticipantView(x.DisplayName, x.Perspective, answered.Contains(x.UserId))).ToList() : [];

        return Outcome<ReflectionView>.Ok(new ReflectionView(r.Id, r.ProjectId, projectTitle, r.Title, r.Html, r.HeldOn, r.Status, r.Outcome, r.OutcomeHtml,
            r.Advice, r.AdviceHtml, author, views, participants, questions, session, sees, ReflectionRules.MayLead(p), ReflectionRules.MayAnswer(p),
            p.CanFacilitate, user.Id is not null && answered.Contains(user.Id)));
    }
}
