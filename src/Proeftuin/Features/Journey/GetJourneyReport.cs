using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Learning;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Journey;

/// <summary>
/// One moment in the report. Label is a localizer key (Kwestie, Proef, "Poort: {0}" with Word, a localizer key, in
/// it); Title and Html are what people wrote (Html rendered when saved); Plain the same without marks, for Word.
/// </summary>
public sealed record ReportItem(DateOnly Day, string Label, string Title, string Html, string Plain, DateOnly? Until = null, string? Word = null);

/// <summary>A chapter: one stretch of time in one phase (a phase the project went back to is a chapter again).</summary>
public sealed record ReportChapter(int Number, Phase Phase, DateOnly From, DateOnly? To, IReadOnlyList<ReportItem> Items);

public sealed record JourneyReport(int ProjectId, string ProjectTitle, string CentralQuestion, DateOnly From, DateOnly To, IReadOnlyList<ReportChapter> Chapters);

/// <summary>
/// The innovatiereis as a report (the council letter, the book chapter): a chapter per phase the project went
/// through, with the notes in full, the gates with their reasons, the proeven, the decisions and the learning questions
/// answered in it. Optionally for a period (van, tot). Read by the printable page and the .docx alike.
/// </summary>
public sealed class GetJourneyReport(AppDbContext db, GetJourney journey, Markdown markdown)
{
    /// <summary>More moments than this make a report nobody reads, and a slow page: choose a period.</summary>
    public const int MaxMoments = 1000;

    public async Task<Outcome<JourneyReport>> RunAsync(int projectId, string? van, string? tot, CancellationToken ct = default)
    {
        var v = await journey.RunAsync(projectId, ct);
        if (v is null) return Outcome<JourneyReport>.NotFound();
        var check = new Validation();
        var from = ExperimentDates.Read(check, "van", van, "de begindatum", required: false) ?? v.Start;
        var to = ExperimentDates.Read(check, "tot", tot, "de einddatum", required: false) ?? v.End;
        if (check.IsValid && to < from) check.Add("tot", "De einddatum ligt voor de begindatum.");
        if (!check.IsValid) return check;

        var inPeriod = v.Events.Where(e => e.Day >= from && e.Day <= to && e.Kind != JourneyEventKind.Phase).ToList();
        var answered = await AnsweredQuestionsAsync(projectId, from, to, ct);
        if (inPeriod.Count + answered.Count > MaxMoments)
            return Outcome<JourneyReport>.Invalid("tot", "Het verslag wordt te groot: {0} momenten, hoogstens {1}. Kies een kortere periode met van en tot.",
                inPeriod.Count + answered.Count, MaxMoments);

        // The notes' own text, in one query.
        var ids = inPeriod.Where(e => e.Kind == JourneyEventKind.Entry).Select(e => e.Id!.Value).ToList();
        var texts = await db.Items.OfType<JourneyEntry>().AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Text, e.Html }).ToDictionaryAsync(e => e.Id, ct);
        var items = inPeriod.Select(e => e.Kind switch
        {
            JourneyEventKind.Entry => new ReportItem(e.Day, e.Label, e.Title ?? "", texts[e.Id!.Value].Html, markdown.ToPlainText(texts[e.Id!.Value].Text).Trim()),
            JourneyEventKind.Gate => new ReportItem(e.Day, "Poort: {0}", e.Title ?? "", "", "", Word: e.Label),
            JourneyEventKind.Experiment => new ReportItem(e.Day, "Proef", e.Title ?? "", "", "", e.Until),
            _ => new ReportItem(e.Day, "Besluit", e.Title ?? "", "", ""),
        }).Concat(answered).OrderBy(i => i.Day).ToList();

        var chapters = new List<ReportChapter>();
        foreach (var span in v.Phases)
        {
            var end = span.To ?? DateOnly.MaxValue;
            if (end <= from && span.To is not null || span.From > to) continue;
            // A moment on the day of a phase move belongs to the new phase, as the timeline places it.
            var own = items.Where(i => i.Day >= span.From && (span.To is null || i.Day < span.To)).ToList();
            chapters.Add(new ReportChapter(chapters.Count + 1, span.Phase, span.From, span.To, own));
        }
        var project = await db.Projects.AsNoTracking().Where(x => x.Id == projectId).Select(x => new { x.Title, x.CentralQuestion }).FirstAsync(ct);
        return Outcome<JourneyReport>.Ok(new JourneyReport(projectId, project.Title, project.CentralQuestion, from, to, chapters));
    }

    /// <summary>Learning questions answered in the period: the day their version said "beantwoord" first.</summary>
    private async Task<List<ReportItem>> AnsweredQuestionsAsync(int projectId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var versions = await db.Set<AgendaVersion>().AsNoTracking()
            .Where(x => x.ProjectId == projectId && x.Change == AgendaChange.StatusChanged && x.Status == (int)LearningStatus.Answered && x.Item.Kind == Thread.ItemKind.LearningQuestion)
            .Select(x => new { x.ItemId, x.Title, x.Answer, x.ChangedAt }).ToListAsync(ct);
        return versions.GroupBy(x => x.ItemId).Select(g => g.OrderBy(x => x.ChangedAt).First())
            .Select(x => (Day: DateOnly.FromDateTime(Shared.Dates.Local(x.ChangedAt)), x.Title, x.Answer))
            .Where(x => x.Day >= from && x.Day <= to)
            .Select(x => new ReportItem(x.Day, "Leervraag beantwoord", x.Title, markdown.ToSafeHtml(x.Answer), markdown.ToPlainText(x.Answer).Trim())).ToList();
    }
}
