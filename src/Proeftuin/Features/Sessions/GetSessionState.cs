using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;

namespace Proeftuin.Features.Sessions;

/// <summary>The whole session as the caller may see it (see <see cref="SessionView"/>).</summary>
public sealed class GetSessionState(AppDbContext db, SessionAccess access, TimeProvider clock)
{
    public async Task<SessionView?> RunAsync(int sessionId, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        return caller is null ? null : await ViewAsync(caller, ct);
    }

    public async Task<SessionView> ViewAsync(SessionCaller caller, CancellationToken ct = default)
    {
        var s = caller.Session;
        var me = caller.Participant;
        var steps = s.Steps.OrderBy(x => x.Position).ToList();
        var stepsById = steps.ToDictionary(x => x.Id);
        var questions = await db.SessionQuestions.AsNoTracking().Where(q => q.SessionId == s.Id)
            .OrderBy(q => q.QuestionId).Select(q => new QuestionView(q.QuestionId, q.Question.Title)).ToListAsync(ct);
        var notes = await db.Notes.AsNoTracking().Where(n => n.SessionId == s.Id).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.StepId, n.Text, n.ClusterId, n.IdeaId, n.CreatedAt, n.ParticipantId, n.Participant.DisplayName, n.Participant.Perspective })
            .ToListAsync(ct);
        var visible = new List<NoteView>(notes.Count);
        var hidden = 0;
        foreach (var n in notes)
        {
            var mine = me is not null && n.ParticipantId == me.Id;
            var step = stepsById.GetValueOrDefault(n.StepId);
            if (!mine && !NoteRules.IsRevealed(step))
            {
                hidden++;
                continue;
            }
            var view = NoteRules.View(n.Id, n.StepId, n.Text, n.ClusterId, n.IdeaId, n.CreatedAt, n.DisplayName, n.Perspective, step, mine);
            visible.Add(view with { CanEdit = caller.CanEdit(n.ParticipantId), CanWithdraw = caller.CanWithdraw(n.ParticipantId) });
        }
        var clusters = await db.Clusters.AsNoTracking().Where(c => c.SessionId == s.Id).OrderBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new ClusterView(c.Id, c.Name, c.Position, c.IdeaId)).ToListAsync(ct);
        var people = await db.Participants.AsNoTracking().Where(p => p.SessionId == s.Id && p.RemovedAt == null).OrderBy(p => p.DisplayName).ThenBy(p => p.Id).ToListAsync(ct);
        var current = caller.CurrentStep;
        var done = current is null ? 0 : people.Count(p => p.DoneStepId == current.Id);
        var participation = new Participation(people.Count, done, people.GroupBy(p => p.Perspective).ToDictionary(g => g.Key, g => g.Count()));

        var myVotes = new Dictionary<int, int>();
        var left = 0;
        if (me is not null && current is { Mode: StepMode.Vote })
        {
            myVotes = await db.Votes.AsNoTracking().Where(v => v.StepId == current.Id && v.ParticipantId == me.Id)
                .GroupBy(v => v.NoteId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            left = Math.Max(0, current.VotesPerPerson - myVotes.Values.Sum());
        }

        return new SessionView(
            s.Id, s.ProjectId, s.Title, s.State, s.Sequence, s.Focus,
            // Those in the room pass the code on; watching members do not need it.
            caller.CanSeeJoinCode ? s.JoinCode : "", clock.GetUtcNow().UtcDateTime, s.CurrentStepId,
            questions, steps.Select(StepView.From).ToList(),
            new MeView(me?.Id, me?.DisplayName, me?.Perspective, me?.IsGuest == true, caller.IsFacilitator, caller.CanAct,
                me is not null && current is not null && me.DoneStepId == current.Id,
                caller.CanWrite, caller.CanCluster, caller.CanModerate, caller.CanVote, caller.CanMakeIdea, caller.CanSeeJoinCode),
            visible, hidden, clusters, participation, myVotes, left,
            caller.IsFacilitator ? await ParticipantRules.PeopleAsync(db, s.Id, current?.Id, ct) : null,
            s.PlannedDate, s.PlannedTime, s.Place,
            s.Joining, caller.IsJoiningClosed, await ParticipantRules.RemovalsAsync(db, s.Id, caller.IsFacilitator, ct));
    }
}

/// <summary>Who sees a note: the one rule for private mode and anonymous reveal.</summary>
public static class NoteRules
{
    /// <summary>Notes written in a private step stay with their writer until the facilitator reveals that step.</summary>
    public static bool IsRevealed(Step? writtenIn) => writtenIn is null || !writtenIn.Private || writtenIn.Revealed;

    public static bool IsAnonymous(Step? writtenIn) => writtenIn is { Private: true, Anonymous: true };

    /// <summary>A note as shown: without the writer's name and perspective when its step was revealed anonymously.</summary>
    public static NoteView View(int id, int stepId, string text, int? clusterId, int? ideaId, DateTime createdAt,
        string writer, Perspective perspective, Step? writtenIn, bool mine)
    {
        var anonymous = IsAnonymous(writtenIn);
        return new NoteView(id, stepId, text, clusterId, anonymous ? null : writer, anonymous ? null : perspective, mine, ideaId, createdAt);
    }

    public static NoteView View(Note n, Participant writer, Step? writtenIn, bool mine) =>
        View(n.Id, n.StepId, n.Text, n.ClusterId, n.IdeaId, n.CreatedAt, writer.DisplayName, writer.Perspective, writtenIn, mine);

    /// <summary>The writer's own copy of a note: Mine, with what the writer may do with it (the caller may be someone else, e.g. the facilitator moving it).</summary>
    public static NoteView ForWriter(NoteView view, SessionCaller caller, Participant writer)
    {
        var rights = caller.IsWriterOf(writer.Id) ? caller : caller with { Project = null, Participant = writer };
        return view with { Mine = true, CanEdit = rights.CanEdit(writer.Id), CanWithdraw = rights.CanWithdraw(writer.Id) };
    }
}
