using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// The facilitator turns a note or a cluster into an Idea on the project's thread, linked as "beantwoordt" to one of
/// the session's questions. The note or cluster remembers its idea, so the same one never becomes two ideas.
/// Idea, link and the note's or cluster's IdeaId are saved together, then the screens are told.
/// </summary>
public sealed class MakeIdea(AppDbContext db, SessionAccess access, Caller user, Markdown markdown, SessionEvents events, TimeProvider clock, Notifications.NotifyTeller notify)
{
    public async Task<Outcome<Idea>> FromNoteAsync(int sessionId, int noteId, int? questionId, Perspective? knowledgeSource = null, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<Idea>.NotFound();
        if (Refused(caller) is { } refused) return refused;
        var note = await db.Notes.Include(n => n.Participant).FirstOrDefaultAsync(n => n.Id == noteId && n.SessionId == sessionId, ct);
        // A private note that is not revealed yet is not there for the facilitator either.
        if (note is null || !NoteRules.IsRevealed(caller.StepById(note.StepId))) return Outcome<Idea>.NotFound();
        if (note.IdeaId is not null) return Outcome<Idea>.Invalid("NoteId", "Van deze post-it is al een idee gemaakt.");
        if (knowledgeSource is { } chosen && !Enum.IsDefined(chosen))
            return Outcome<Idea>.Invalid("KnowledgeSource", "Kies een kennisbron uit de lijst.");
        // The writer's perspective would tell who wrote a post-it that was shown without names.
        var anonymous = NoteRules.IsAnonymous(caller.StepById(note.StepId));
        if (anonymous && knowledgeSource is null)
            return Outcome<Idea>.Invalid("KnowledgeSource", "Deze post-it is zonder naam getoond. Kies zelf de kennisbron van het idee.");
        var question = await QuestionAsync(caller, questionId, ct);
        if (!question.IsOk) return Outcome<Idea>.Invalid(question.Errors);

        Idea idea = null!;
        IReadOnlyList<Notifications.TellerMail> mails = [];
        long seq = 0;
        var refusal = await db.InTransactionAsync(async (tx, ct) =>
        {
            // Claim the note first: of two facilitators clicking at once, the second finds it taken.
            if (await db.Notes.Where(n => n.Id == note.Id && n.IdeaId == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.IdeaId, n => n.IdeaId), ct) == 0)
                return Outcome<Idea>.Invalid("NoteId", "Van deze post-it is al een idee gemaakt.");
            var title = note.Text.Length <= ThreadLimits.Title ? note.Text : note.Text[..ThreadLimits.Title];
            idea = await NewIdeaAsync(caller, title.Trim(), note.Text, knowledgeSource ?? note.Participant.Perspective, ct);
            // Temporary key: the note points at the idea before it has its real id; one SaveChanges stores both.
            note.IdeaId = db.Entry(idea).Property(i => i.Id).CurrentValue;
            mails = await AddLinkAsync(caller, idea, question.Value!, ct);
            seq = await events.SaveAsync(sessionId, ct);
            await tx.CommitAsync(ct);
            return null;
        }, ct);
        if (refusal is not null) return refusal;
        await events.TellAsync(sessionId, () => notify.SendAsync(mails, ct), ct);
        note.IdeaId = idea.Id;
        // NoteChanged goes to all, so Mine is false.
        await events.TellAsync(sessionId, () => events.ToAll(sessionId).NoteChanged(NoteRules.View(note, note.Participant, caller.StepById(note.StepId), mine: false), seq), ct);
        return Outcome<Idea>.Ok(idea);
    }

    public async Task<Outcome<Idea>> FromClusterAsync(int sessionId, int clusterId, int? questionId, Perspective? knowledgeSource, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<Idea>.NotFound();
        if (Refused(caller) is { } refused) return refused;
        var cluster = await db.Clusters.FirstOrDefaultAsync(c => c.Id == clusterId && c.SessionId == sessionId, ct);
        if (cluster is null) return Outcome<Idea>.NotFound();
        if (cluster.IdeaId is not null) return Outcome<Idea>.Invalid("ClusterId", "Van dit cluster is al een idee gemaakt.");
        if (knowledgeSource is { } chosen && !Enum.IsDefined(chosen))
            return Outcome<Idea>.Invalid("KnowledgeSource", "Kies een kennisbron uit de lijst.");
        var notes = (await db.Notes.AsNoTracking().Where(n => n.ClusterId == clusterId && n.SessionId == sessionId)
                .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
                .Select(n => new { n.Text, n.StepId, n.Participant.Perspective }).ToListAsync(ct))
            .Select(n => new { n.Text, n.StepId, n.Perspective, Anonymous = NoteRules.IsAnonymous(caller.StepById(n.StepId)) })
            .Where(n => NoteRules.IsRevealed(caller.StepById(n.StepId))).ToList();
        if (notes.Count == 0) return Outcome<Idea>.Invalid("ClusterId", "Dit cluster heeft nog geen post-its. Zet er eerst post-its in.");
        var question = await QuestionAsync(caller, questionId, ct);
        if (!question.IsOk) return Outcome<Idea>.Invalid(question.Errors);

        // Each note one list item: a line break inside a note would break the list.
        var text = string.Join("\n", notes.Select(n => "- " + string.Join(" ", n.Text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));
        if (text.Length > ThreadLimits.Text) text = text[..ThreadLimits.Text];
        // Post-its shown without names do not count: their perspective could tell who wrote them.
        var named = notes.Where(n => !n.Anonymous).Select(n => n.Perspective).ToList();
        if (knowledgeSource is null && named.Count == 0)
            return Outcome<Idea>.Invalid("KnowledgeSource", "De post-its in dit cluster zijn zonder naam getoond. Kies zelf de kennisbron van het idee.");
        var source = knowledgeSource ?? MostCommon(named);
        Idea idea = null!;
        IReadOnlyList<Notifications.TellerMail> mails = [];
        long seq = 0;
        var refusal = await db.InTransactionAsync(async (tx, ct) =>
        {
            if (await db.Clusters.Where(c => c.Id == cluster.Id && c.IdeaId == null).ExecuteUpdateAsync(u => u.SetProperty(c => c.IdeaId, c => c.IdeaId), ct) == 0)
                return Outcome<Idea>.Invalid("ClusterId", "Van dit cluster is al een idee gemaakt.");
            idea = await NewIdeaAsync(caller, cluster.Name, text, source, ct);
            cluster.IdeaId = db.Entry(idea).Property(i => i.Id).CurrentValue;
            mails = await AddLinkAsync(caller, idea, question.Value!, ct);
            seq = await events.SaveAsync(sessionId, ct);
            await tx.CommitAsync(ct);
            return null;
        }, ct);
        if (refusal is not null) return refusal;
        await events.TellAsync(sessionId, () => notify.SendAsync(mails, ct), ct);
        cluster.IdeaId = idea.Id;
        await events.TellAsync(sessionId, () => events.ToAll(sessionId).ClusterSaved(new ClusterView(cluster.Id, cluster.Name, cluster.Position, cluster.IdeaId), seq), ct);
        return Outcome<Idea>.Ok(idea);
    }

    /// <summary>The most common perspective; a tie goes to the first in the list (ervaringskennis first: it is heard least).</summary>
    public static Perspective MostCommon(IEnumerable<Perspective> perspectives) =>
        perspectives.GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault();

    /// <summary>The questions an idea of this session can answer: the session's, from its own project only.</summary>
    public Task<List<QuestionView>> QuestionsAsync(int sessionId, int projectId, CancellationToken ct = default) =>
        db.SessionQuestions.AsNoTracking().Where(q => q.SessionId == sessionId && q.Question.ProjectId == projectId)
            .OrderBy(q => q.QuestionId).Select(q => new QuestionView(q.QuestionId, q.Question.Title)).ToListAsync(ct);

    private static Outcome<Idea>? Refused(SessionCaller caller)
    {
        if (!caller.IsFacilitator) return Outcome<Idea>.Forbidden();
        // Ideas come out of the session: while it runs, or afterwards. A planned session has no notes yet.
        if (caller.Session.State == SessionState.Planned)
            return Outcome<Idea>.Invalid("Session", "De sessie is nog niet begonnen. Ideeën maak je tijdens of na de sessie.");
        return null;
    }

    private async Task<Outcome<int>> QuestionAsync(SessionCaller caller, int? questionId, CancellationToken ct)
    {
        var questions = await QuestionsAsync(caller.SessionId, caller.Session.ProjectId, ct);
        if (questions.Count == 0)
            return Outcome<int>.Invalid("QuestionId", "Deze sessie werkt nog aan geen enkele vraag. Een idee hoort bij een vraag: kies eerst een vraag bij het voorbereiden van de sessie.");
        if (questionId is null)
            return questions.Count == 1 ? Outcome<int>.Ok(questions[0].Id) : Outcome<int>.Invalid("QuestionId", "Kies bij welke vraag dit idee hoort.");
        return questions.Any(q => q.Id == questionId)
            ? Outcome<int>.Ok(questionId.Value)
            : Outcome<int>.Invalid("QuestionId", "Kies een vraag waar deze sessie aan werkt.");
    }

    private async Task<Idea> NewIdeaAsync(SessionCaller caller, string title, string text, Perspective source, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var idea = new Idea
        {
            ProjectId = caller.Session.ProjectId,
            SessionId = caller.SessionId,
            Title = title,
            Text = text,
            Html = markdown.ToSafeHtml(text),
            KnowledgeSource = source,
            // The knowledge balance is per phase: the idea belongs to the phase the project is in now.
            Phase = await db.Projects.Where(p => p.Id == caller.Session.ProjectId).Select(p => p.Phase).FirstAsync(ct),
            AuthorId = user.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        idea.SearchTerms = SaveItem.SearchTermsOf(idea, []);
        db.Items.Add(idea);
        return idea;
    }

    /// <summary>The idea answers the question; the tellers of the stories behind the question hear of it (saved with the link).</summary>
    private async Task<IReadOnlyList<Notifications.TellerMail>> AddLinkAsync(SessionCaller caller, Idea idea, int questionId, CancellationToken ct)
    {
        db.Links.Add(new Link
        {
            ProjectId = caller.Session.ProjectId,
            From = idea,
            ToId = questionId,
            Type = LinkType.Answers,
            CreatedById = user.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        var question = await db.Items.FirstAsync(i => i.Id == questionId, ct);
        var (origin, outcome) = LinkFlow.Ends<ThreadItem>(LinkType.Answers, idea, question);
        return await notify.LinkedAsync(origin, outcome, ct);
    }

}

/// <summary>Where an idea came from, for its page on the thread: the session, named only to those who may see it.</summary>
public sealed record IdeaOrigin(int SessionId, string? SessionTitle);

public sealed class GetIdeaOrigin(AppDbContext db, SessionAccess access)
{
    /// <summary>Null when the item is not an idea from a session; SessionTitle null when the reader may not see that session.</summary>
    public async Task<IdeaOrigin?> RunAsync(int itemId, CancellationToken ct = default)
    {
        var sessionId = await db.Items.OfType<Idea>().Where(i => i.Id == itemId).Select(i => i.SessionId).FirstOrDefaultAsync(ct);
        if (sessionId is not { } id) return null;
        var caller = await access.ForSessionAsync(id, ct);
        return new IdeaOrigin(id, caller?.Session.Title);
    }
}
