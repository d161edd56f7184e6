using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Learning;

/// <summary>
/// What the agenda form sends. Detail is "voor wie" for a question and "wie kan hem wegnemen" for a barrier; Status is
/// the enum's name; Answer is what was learned (question) or what came of it (barrier); Reason why it changed.
/// </summary>
public sealed record AgendaInput(string? Title, string? Text, string? Detail, string? DueOn, string? Status, string? OwnerId, string? Answer, string? Reason);

/// <summary>
/// Adds a learning question or a system barrier to a project's learning agenda, or changes one. Every save that
/// changes something adds a version (AgendaVersion) in the same SaveChanges, so the agenda's history is complete; two
/// saves of one item at the very same moment cannot both get the same version number (a unique index): the second is
/// asked to look again. A later save of an older form is not refused; it becomes the newest version (ADR 0032).
/// </summary>
public sealed class SaveAgendaItem(AppDbContext db, ProjectAccess access, Caller user, Markdown markdown, TimeProvider clock)
{
    public const string NothingChanged = "Er is niets veranderd.";
    public const string ChangedMeanwhile = "Iemand anders heeft dit net ook gewijzigd. Kijk wat er nu staat en probeer het opnieuw.";

    /// <summary>404 when the project may not be read; 403 for who does not work on its agenda.</summary>
    public async Task<Outcome<ProjectPermissions>> CanAddAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return Outcome<ProjectPermissions>.NotFound();
        return AgendaRules.MayWork(p) ? Outcome<ProjectPermissions>.Ok(p) : Outcome<ProjectPermissions>.Forbidden();
    }

    /// <summary>The item with its permissions, when it is an agenda item the caller may change.</summary>
    public async Task<Outcome<(ThreadItem Item, ProjectPermissions Permissions)>> CanEditAsync(int itemId, CancellationToken ct = default)
    {
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == itemId && (i.Kind == ItemKind.LearningQuestion || i.Kind == ItemKind.SystemBarrier), ct);
        if (item is null) return Outcome<(ThreadItem, ProjectPermissions)>.NotFound();
        var p = await access.ForProjectAsync(item.ProjectId, ct);
        if (p is null) return Outcome<(ThreadItem, ProjectPermissions)>.NotFound();
        return AgendaRules.MayWork(p) ? Outcome<(ThreadItem, ProjectPermissions)>.Ok((item, p)) : Outcome<(ThreadItem, ProjectPermissions)>.Forbidden();
    }

    /// <summary>The team, for the owner field.</summary>
    public Task<List<OwnerChoice>> OwnersAsync(int projectId, CancellationToken ct = default) => AgendaRules.OwnersAsync(db, projectId, ct);

    public async Task<Outcome<ThreadItem>> AddAsync(int projectId, ItemKind kind, AgendaInput input, CancellationToken ct = default)
    {
        if (kind is not (ItemKind.LearningQuestion or ItemKind.SystemBarrier)) return Outcome<ThreadItem>.NotFound();
        var allowed = await CanAddAsync(projectId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<ThreadItem>.NotFound() : Outcome<ThreadItem>.Forbidden();
        var p = allowed.Value!;
        var now = clock.GetUtcNow().UtcDateTime;
        ThreadItem item = kind == ItemKind.LearningQuestion ? new LearningQuestion() : new SystemBarrier();
        item.ProjectId = projectId;
        item.AuthorId = user.Id;
        item.CreatedAt = now;
        item.KnowledgeSource = p.Perspective ?? Members.Perspective.Experience;
        var v = await ApplyAsync(item, input, isNew: true, ct);
        if (!v.IsValid) return v;
        item.UpdatedAt = now;
        // Which phase the question was asked in: the agenda shows how learning moves along the phases.
        item.Phase = await db.Projects.Where(x => x.Id == projectId).Select(x => x.Phase).FirstAsync(ct);
        db.Items.Add(item);
        db.Add(Version(item, 1, AgendaChange.Added, input.Reason, now));
        await db.SaveChangesAsync(ct);
        return Outcome<ThreadItem>.Ok(item);
    }

    public async Task<Outcome<ThreadItem>> EditAsync(int itemId, AgendaInput input, CancellationToken ct = default)
    {
        var allowed = await CanEditAsync(itemId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<ThreadItem>.NotFound() : Outcome<ThreadItem>.Forbidden();
        var item = allowed.Value.Item;
        var before = Snapshot(item);
        var v = await ApplyAsync(item, input, isNew: false, ct);
        if (!v.IsValid) return v;
        var after = Snapshot(item);
        if (after == before) return Outcome<ThreadItem>.Invalid("Title", NothingChanged);
        var now = clock.GetUtcNow().UtcDateTime;
        item.UpdatedAt = now;
        var last = await db.Set<AgendaVersion>().Where(x => x.ItemId == itemId).MaxAsync(x => (int?)x.Number, ct) ?? 0;
        db.Add(Version(item, last + 1, after.Fields.Status != before.Fields.Status ? AgendaChange.StatusChanged : AgendaChange.Edited, input.Reason, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved a version of this item at the same moment: theirs stands.
            return Outcome<ThreadItem>.Invalid("Title", ChangedMeanwhile);
        }
        return Outcome<ThreadItem>.Ok(item);
    }

    /// <summary>What a version records (and the text), to tell whether a save changed anything.</summary>
    private static (AgendaFields Fields, string Text) Snapshot(ThreadItem item) => (AgendaFields.Of(item), item.Text);

    private AgendaVersion Version(ThreadItem item, int number, AgendaChange change, string? reason, DateTime now) =>
        AgendaFields.Of(item).Version(item, number, change, reason, user.Id, now);

    /// <summary>Checks the fields and, when they are right, writes them onto the item (Markdown rendered here, once).</summary>
    private async Task<Validation> ApplyAsync(ThreadItem item, AgendaInput input, bool isNew, CancellationToken ct)
    {
        var v = new Validation();
        var question = item is LearningQuestion;
        var title = v.Text("Title", input.Title, ThreadLimits.Title, label: question ? "de leervraag" : "de barrière");
        var text = v.Text("Text", input.Text, ThreadLimits.Text, required: false, label: "de toelichting");
        var detail = v.Text("Detail", input.Detail, LearningLimits.Brief, label: question ? "voor wie het is" : "wie hem kan wegnemen");
        var due = question ? ExperimentDates.Read(v, "DueOn", input.DueOn, "de datum", required: false) : null;
        var answer = v.Text("Answer", input.Answer, LearningLimits.Answer, required: false, label: question ? "het antwoord" : "de uitkomst");
        var reason = v.Text("Reason", input.Reason, LearningLimits.Reason, required: false, label: "de reden");

        // A new item starts at the beginning; a change names its status exactly as the enum's name (no numbers, no
        // "Open, Answered" flag lists, no other spelling).
        var status = 0;
        var statusText = (input.Status ?? "").Trim();
        if (!isNew || statusText.Length > 0)
        {
            var names = question ? Enum.GetNames<LearningStatus>() : Enum.GetNames<BarrierStatus>();
            var index = Array.IndexOf(names, statusText);
            if (index < 0) v.Add("Status", "Kies een status uit de lijst.");
            else status = question ? (int)Enum.GetValues<LearningStatus>()[index] : (int)Enum.GetValues<BarrierStatus>()[index];
        }
        var settled = question ? ((LearningStatus)status).IsSettled() && (LearningStatus)status != LearningStatus.Dropped
            : ((BarrierStatus)status).IsSettled();
        if (v.IsValid && settled && answer.Length == 0)
            v.Add("Answer", question ? "Schrijf op wat jullie geleerd hebben: dat is het antwoord op de leervraag." : "Schrijf op wat er met de barrière gebeurd is, of waarom hij blijft.");
        if (v.IsValid && question && (LearningStatus)status == LearningStatus.Dropped && reason.Length == 0
            && (item as LearningQuestion)!.Status != LearningStatus.Dropped)
            v.Add("Reason", "Schrijf op waarom deze leervraag vervalt. Zo weet iedereen later waarom.");

        string? owner = null;
        var ownerText = (input.OwnerId ?? "").Trim();
        if (ownerText.Length > 0)
        {
            // Only someone on this project's team: another id, an observer or nonsense is "not in the list" alike.
            if (ownerText.Length > 100 || !await db.Memberships.AnyAsync(m => m.ProjectId == item.ProjectId && m.UserId == ownerText && m.Role >= Members.ProjectRole.Member, ct))
                v.Add("OwnerId", "Kies iemand uit de lijst van het team.");
            else owner = ownerText;
        }
        if (!v.IsValid) return v;

        item.Title = title;
        item.Text = text;
        item.Html = markdown.ToSafeHtml(text);
        var answerHtml = markdown.ToSafeHtml(answer);
        switch (item)
        {
            case LearningQuestion q:
                q.ForWhom = detail;
                q.DueOn = due;
                q.Status = (LearningStatus)status;
                q.OwnerId = owner;
                q.Answer = answer;
                q.AnswerHtml = answerHtml;
                break;
            case SystemBarrier b:
                b.WhoCanMove = detail;
                b.Status = (BarrierStatus)status;
                b.OwnerId = owner;
                b.Outcome = answer;
                b.OutcomeHtml = answerHtml;
                break;
        }
        item.SearchTerms = DutchStems.ToSearchTerms(title, detail, text, answer);
        return v;
    }
}
