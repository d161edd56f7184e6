using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Sessions;

/// <summary>A note on the summary: Author and AuthorPerspective are null when its step was revealed anonymously.</summary>
public sealed record SummaryNote(int Id, string Text, string? Author, Perspective? AuthorPerspective, int? IdeaId);

public sealed record SummaryCluster(int Id, string Name, int? IdeaId, IReadOnlyList<SummaryNote> Notes);

public sealed record SummaryStep(int Id, int Position, string Title, StepMode Mode, int Minutes, bool Private, bool Anonymous);

/// <summary>Status: where the idea stands now (Features/Ideas).</summary>
public sealed record SummaryIdea(int Id, string Title, Perspective KnowledgeSource, bool FromCluster, Ideas.IdeaStatus Status);

/// <summary>
/// What happened in a session, for its printable summary page. Names of participants only for facilitators;
/// ProjectTitle only for the project's team (guests see nothing of the project outside the session).
/// </summary>
public sealed record SessionSummary(
    int Id, int ProjectId, string? ProjectTitle, string Title, SessionState State, DateTime Date, DateTime? ClosedAt,
    IReadOnlyList<QuestionView> Questions, bool CanOpenThread, IReadOnlyList<SummaryStep> Steps,
    IReadOnlyList<SummaryCluster> Clusters, IReadOnlyList<SummaryNote> Unclustered, IReadOnlyList<ResultsView> Votes,
    int ParticipantCount, IReadOnlyDictionary<Perspective, int> ParticipantsByPerspective, IReadOnlyList<ParticipantView>? Participants,
    IReadOnlyList<SummaryIdea> Ideas, bool IsFacilitator,
    DateOnly? PlannedDate = null, TimeOnly? PlannedTime = null, string? Place = null,
    IReadOnlyList<RemovalView>? Removals = null);

/// <summary>
/// The summary of a session for everyone who may see it. Unlike the live page, notes of a private step that was never
/// revealed are left out for everyone, their writer and the facilitator included: the summary is one shared record.
/// </summary>
public sealed class GetSessionSummary(AppDbContext db, SessionAccess access, GetResults results)
{
    public async Task<SessionSummary?> RunAsync(int sessionId, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return null;
        var s = caller.Session;
        var steps = s.Steps.OrderBy(x => x.Position).ToList();
        var questions = await db.SessionQuestions.AsNoTracking().Where(q => q.SessionId == s.Id && q.Question.ProjectId == s.ProjectId)
            .OrderBy(q => q.QuestionId).Select(q => new QuestionView(q.QuestionId, q.Question.Title)).ToListAsync(ct);
        var notes = await VisibleNotesAsync(caller, ct);
        var clusters = await db.Clusters.AsNoTracking().Where(c => c.SessionId == s.Id).OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(ct);
        var byCluster = notes.Where(n => n.ClusterId is not null).ToLookup(n => n.ClusterId!.Value, n => n.Note);
        var people = await db.Participants.AsNoTracking().Where(p => p.SessionId == s.Id && p.RemovedAt == null).OrderBy(p => p.DisplayName).ThenBy(p => p.Id).ToListAsync(ct);
        var ideas = await db.Items.OfType<Idea>().AsNoTracking().Where(i => i.SessionId == s.Id).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.Title, i.KnowledgeSource, i.Status }).ToListAsync(ct);
        var clusterIdeas = clusters.Where(c => c.IdeaId is not null).Select(c => c.IdeaId!.Value).ToHashSet();
        // Guests and other participants from outside see nothing of the project beyond the session: no title, no links.
        var team = caller.Project is { IsMember: true } or { CanManage: true };
        var projectTitle = team
            ? await db.Projects.Where(p => p.Id == s.ProjectId).Select(p => p.Title).FirstAsync(ct)
            : null;

        return new SessionSummary(
            s.Id, s.ProjectId, projectTitle, s.Title, s.State, s.StartedAt ?? s.CreatedAt, s.ClosedAt,
            questions, team,
            steps.Select(x => new SummaryStep(x.Id, x.Position, x.Title, x.Mode, x.Minutes, x.Private, x.Anonymous)).ToList(),
            clusters.Select(c => new SummaryCluster(c.Id, c.Name, c.IdeaId, byCluster[c.Id].ToList())).ToList(),
            notes.Where(n => n.ClusterId is null || !clusters.Any(c => c.Id == n.ClusterId)).Select(n => n.Note).ToList(),
            await results.ClosedStepsAsync(caller, ct),
            people.Count, people.GroupBy(p => p.Perspective).ToDictionary(g => g.Key, g => g.Count()),
            caller.IsFacilitator ? people.Select(p => new ParticipantView(p.Id, p.DisplayName, p.Perspective, p.IsGuest, false, p.JoinedAt)).ToList() : null,
            ideas.Select(i => new SummaryIdea(i.Id, i.Title, i.KnowledgeSource, clusterIdeas.Contains(i.Id), i.Status)).ToList(),
            caller.IsFacilitator, s.PlannedDate, s.PlannedTime, s.Place,
            await ParticipantRules.RemovalsAsync(db, s.Id, caller.IsFacilitator, ct));
    }

    /// <summary>Every note whose step is revealed (or was never private), in the order written; anonymised without author.</summary>
    private async Task<List<VisibleNote>> VisibleNotesAsync(SessionCaller caller, CancellationToken ct = default)
    {
        var rows = await db.Notes.AsNoTracking().Where(n => n.SessionId == caller.SessionId).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.StepId, n.Text, n.ClusterId, n.IdeaId, n.Participant.DisplayName, n.Participant.Perspective })
            .ToListAsync(ct);
        var notes = new List<VisibleNote>(rows.Count);
        foreach (var n in rows)
        {
            var step = caller.StepById(n.StepId);
            if (!NoteRules.IsRevealed(step)) continue;
            var anonymous = NoteRules.IsAnonymous(step);
            notes.Add(new VisibleNote(new SummaryNote(n.Id, n.Text, anonymous ? null : n.DisplayName, anonymous ? null : n.Perspective, n.IdeaId), n.ClusterId));
        }
        return notes;
    }
}

/// <summary>A visible note with its cluster, as the summary and the results read it.</summary>
public sealed record VisibleNote(SummaryNote Note, int? ClusterId);
