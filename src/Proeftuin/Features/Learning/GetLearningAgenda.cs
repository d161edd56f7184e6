using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Learning;

/// <summary>
/// One learning question or system barrier as the agenda lists it. Status is a <see cref="LearningStatus"/> or a
/// <see cref="BarrierStatus"/> (by Kind); Detail is "voor wie" or "wie kan hem wegnemen"; Evidence what is linked as
/// its evidence, as this reader may see it.
/// </summary>
public sealed record AgendaRow(
    int Id, ItemKind Kind, string Title, string Detail, DateOnly? DueOn, int Status, string? OwnerName, string Answer, string AnswerHtml,
    IReadOnlyList<ItemRef> Evidence, int Versions, DateTime CreatedAt, DateTime UpdatedAt, bool Overdue)
{
    public bool IsQuestion => Kind == ItemKind.LearningQuestion;
    public string StatusLabel => IsQuestion ? ((LearningStatus)Status).Label() : ((BarrierStatus)Status).Label();
    public bool Settled => IsQuestion ? ((LearningStatus)Status).IsSettled() : ((BarrierStatus)Status).IsSettled();
    public string Url => $"/leeragenda/{Id}";
}

public sealed record LearningAgenda(int ProjectId, string ProjectTitle, IReadOnlyList<AgendaRow> Questions, IReadOnlyList<AgendaRow> Barriers, bool CanWork, bool CanExport)
{
    public IReadOnlyList<AgendaRow> OpenQuestions => [.. Questions.Where(q => !q.Settled)];
    public IReadOnlyList<AgendaRow> SettledQuestions => [.. Questions.Where(q => q.Settled)];
}

/// <summary>
/// A project's learning agenda for its page, the API and the export: the questions (open first, then by due date) and
/// the barriers, each with its evidence. A fixed number of queries, whatever the agenda's size.
/// </summary>
public sealed class GetLearningAgenda(AppDbContext db, ProjectAccess access, ThreadAccess thread, TimeProvider clock)
{
    public async Task<LearningAgenda?> RunAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return null;
        var title = await db.Projects.Where(x => x.Id == projectId).Select(x => x.Title).FirstAsync(ct);
        var questions = await db.Items.OfType<LearningQuestion>().AsNoTracking().Where(q => q.ProjectId == projectId)
            .Select(q => new Raw(q.Id, q.Kind, q.Title, q.ForWhom, q.DueOn, (int)q.Status, q.OwnerId, q.Answer, q.AnswerHtml, q.CreatedAt, q.UpdatedAt))
            .ToListAsync(ct);
        var barriers = await db.Items.OfType<SystemBarrier>().AsNoTracking().Where(b => b.ProjectId == projectId)
            .Select(b => new Raw(b.Id, b.Kind, b.Title, b.WhoCanMove, null, (int)b.Status, b.OwnerId, b.Outcome, b.OutcomeHtml, b.CreatedAt, b.UpdatedAt))
            .ToListAsync(ct);
        var all = questions.Concat(barriers).ToList();
        var ids = all.Select(r => r.Id).ToList();

        var evidence = await EvidenceAsync(db, thread, ids, p, ct);
        var versions = await db.Set<AgendaVersion>().AsNoTracking().Where(v => ids.Contains(v.ItemId))
            .GroupBy(v => v.ItemId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var ownerIds = all.Where(r => r.OwnerId != null).Select(r => r.OwnerId!).Distinct().ToList();
        // Anonymous readers of an open project see the agenda, not who looks after what.
        var owners = p.CanSeeMemberNames && ownerIds.Count > 0
            ? await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct)
            : [];
        var today = ExperimentDates.Today(clock);

        AgendaRow Row(Raw r)
        {
            var row = new AgendaRow(r.Id, r.Kind, r.Title, r.Detail, r.DueOn, r.Status, r.OwnerId is { } o ? owners.GetValueOrDefault(o) : null, r.Answer, r.AnswerHtml,
                evidence.GetValueOrDefault(r.Id) ?? [], versions.GetValueOrDefault(r.Id), r.CreatedAt, r.UpdatedAt, false);
            return row with { Overdue = !row.Settled && r.DueOn is { } due && due < today };
        }

        var questionRows = questions.Select(Row)
            .OrderBy(r => r.Settled).ThenBy(r => r.DueOn ?? DateOnly.MaxValue).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
        var barrierRows = barriers.Select(Row).OrderBy(r => r.Settled).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
        return new LearningAgenda(projectId, title, questionRows, barrierRows, AgendaRules.MayWork(p), AgendaRules.MayWork(p));
    }

    private sealed record Raw(int Id, ItemKind Kind, string Title, string Detail, DateOnly? DueOn, int Status, string? OwnerId, string Answer, string AnswerHtml, DateTime CreatedAt, DateTime UpdatedAt);

    /// <summary>
    /// Per agenda item, what is linked as its evidence: the items that onderbouwen or beantwoorden it (the From end of a
    /// link to it; "leidt tot" says what raised it, not what answers it), oldest link first, as this reader may see them.
    /// Stories the reader may not read are left out; withdrawn ones stay as "ingetrokken verhaal".
    /// </summary>
    public static async Task<Dictionary<int, IReadOnlyList<ItemRef>>> EvidenceAsync(
        AppDbContext db, ThreadAccess thread, IReadOnlyCollection<int> ids, ProjectPermissions p, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var links = await db.Links.AsNoTracking().Where(l => ids.Contains(l.ToId) && l.Type != LinkType.LeadsTo)
            .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
            .Select(l => new { l.FromId, l.ToId }).ToListAsync(ct);
        var refs = await thread.RefsAsync(links.Select(l => l.FromId).Distinct().ToList(), p, ct);
        return links.GroupBy(l => l.ToId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<ItemRef>)[.. g.Select(l => refs.GetValueOrDefault(l.FromId)).OfType<ItemRef>().Where(r => r.State != ItemState.Hidden)]);
    }
}
