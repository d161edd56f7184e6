using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Learning;

/// <summary>
/// One line of "wat er veranderde": Key is a localizer key with {0} (old) and {1} (new); OldIsWord and NewIsWord say
/// the value is a localizer key too ("Open", "niemand"), not someone's text.
/// </summary>
public sealed record ChangeLine(string Key, string? Old = null, string? New = null, bool OldIsWord = false, bool NewIsWord = false);

/// <summary>A version in the item's history, with what changed against the one before.</summary>
public sealed record VersionView(int Number, AgendaChange Change, DateTime At, string? By, string Reason, IReadOnlyList<ChangeLine> Lines);

public sealed record AgendaItemView(
    int Id, ItemKind Kind, int ProjectId, string ProjectTitle, Phase Phase, string Title, string Text, string Html, string Detail, DateOnly? DueOn,
    int Status, string? OwnerId, string? OwnerName, string Answer, string AnswerHtml, string? AuthorName, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<ItemRef> Evidence, IReadOnlyList<VersionView> History, bool CanWork, bool CanAddEvidence)
{
    public bool IsQuestion => Kind == ItemKind.LearningQuestion;
    public string StatusLabel => IsQuestion ? ((LearningStatus)Status).Label() : ((BarrierStatus)Status).Label();
}

/// <summary>A learning question or system barrier with its evidence and its whole history, for its page and the API.</summary>
public sealed class GetAgendaItem(AppDbContext db, ThreadAccess thread)
{
    public async Task<Outcome<AgendaItemView>> RunAsync(int id, CancellationToken ct = default)
    {
        var found = await thread.ReadableAsync(id, ct);
        if (found is not var (item, p) || item is not (LearningQuestion or SystemBarrier)) return Outcome<AgendaItemView>.NotFound();
        var projectTitle = await db.Projects.Where(x => x.Id == item.ProjectId).Select(x => x.Title).FirstAsync(ct);
        var (detail, due, status, ownerId, answer, answerHtml) = item switch
        {
            LearningQuestion q => (q.ForWhom, q.DueOn, (int)q.Status, q.OwnerId, q.Answer, q.AnswerHtml),
            SystemBarrier b => (b.WhoCanMove, (DateOnly?)null, (int)b.Status, b.OwnerId, b.Outcome, b.OutcomeHtml),
            _ => throw new InvalidOperationException("Not an agenda item."),
        };
        var versions = await db.Set<AgendaVersion>().AsNoTracking().Where(v => v.ItemId == id).OrderBy(v => v.Number).ToListAsync(ct);
        // Names only for who may see the team's names (not anonymous readers of an open project).
        var people = versions.Select(v => v.ChangedById).Concat(versions.Select(v => v.OwnerId)).Append(item.AuthorId).OfType<string>().Distinct().ToList();
        var names = p.CanSeeMemberNames && people.Count > 0
            ? await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct)
            : [];
        string? Name(string? userId) => userId is null ? null : names.GetValueOrDefault(userId);
        var question = item is LearningQuestion;
        var history = versions.Select((v, i) => new VersionView(v.Number, v.Change, v.ChangedAt, Name(v.ChangedById), v.Reason,
            i == 0 ? [] : Differences(versions[i - 1], v, question, p.CanSeeMemberNames ? Name : null))).Reverse().ToList();
        var evidence = (await GetLearningAgenda.EvidenceAsync(db, thread, [id], p, ct)).GetValueOrDefault(id) ?? [];
        return Outcome<AgendaItemView>.Ok(new AgendaItemView(item.Id, item.Kind, item.ProjectId, projectTitle, item.Phase, item.Title, item.Text, item.Html,
            detail, due, status, ownerId, Name(ownerId), answer, answerHtml, Name(item.AuthorId), item.CreatedAt, item.UpdatedAt,
            evidence, history, AgendaRules.MayWork(p), p.CanContribute));
    }

    /// <summary>What differs between two neighbouring versions, field by field, in the order of the form.</summary>
    /// <remarks><paramref name="name"/> is null for a reader who may not see the team's names.</remarks>
    public static IReadOnlyList<ChangeLine> Differences(AgendaVersion before, AgendaVersion after, bool question, Func<string?, string?>? name)
    {
        var lines = new List<ChangeLine>();
        if (before.Title != after.Title)
            lines.Add(new(question ? "Leervraag: „{0}” werd „{1}”" : "Barrière: „{0}” werd „{1}”", before.Title, after.Title));
        if (before.Detail != after.Detail)
            lines.Add(new(question ? "Voor wie: „{0}” werd „{1}”" : "Wie kan hem wegnemen: „{0}” werd „{1}”", before.Detail, after.Detail));
        if (before.DueOn != after.DueOn)
            lines.Add(new("Wanneer: {0} werd {1}", Day(before.DueOn), Day(after.DueOn), before.DueOn is null, after.DueOn is null));
        if (before.Status != after.Status)
            lines.Add(new("Status: {0} werd {1}", Status(before.Status, question), Status(after.Status, question), true, true));
        if (before.OwnerId != after.OwnerId)
            lines.Add(name is null ? new("Iemand anders zorgt er nu voor")
                : new("Wie zorgt ervoor: {0} werd {1}", name(before.OwnerId) ?? Nobody, name(after.OwnerId) ?? Nobody,
                    name(before.OwnerId) is null, name(after.OwnerId) is null));
        if (before.Answer != after.Answer)
            lines.Add(new(before.Answer.Length == 0 ? (question ? "Antwoord geschreven" : "Uitkomst geschreven") : (question ? "Antwoord veranderd" : "Uitkomst veranderd")));
        return lines;
    }

    /// <summary>An owner who is not named: nobody, an erased account, or a reader who may not see names.</summary>
    public const string Nobody = "niemand";

    private static string Day(DateOnly? day) => day is { } d ? ExperimentDates.Iso(d) : "geen datum";

    private static string Status(int status, bool question) => question ? ((LearningStatus)status).Label() : ((BarrierStatus)status).Label();
}
