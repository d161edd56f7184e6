using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Members;
using Proeftuin.Features.Signification;
using Proeftuin.Web;

namespace Proeftuin.Features.Feedback;

/// <summary>
/// The project's feedback answers as CSV or XLSX for the team: one row per answer. The same writers and the same
/// formula-injection guard as the story and proeven exports; the same people may export (the team). No names.
/// </summary>
public sealed class ExportFeedback(AppDbContext db, ProjectAccess access, AuditLog audit)
{
    public static readonly string[] Columns =
        ["Proef", "Formulier", "Antwoordnummer", "Ingevuld op", "Kennisbron", "Vraagnummer", "Vraag", "Soort vraag", "Antwoord"];

    public async Task<Outcome<ExportTable>> TableAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return Outcome<ExportTable>.NotFound();
        if (!p.CanContribute) return Outcome<ExportTable>.Forbidden();
        var forms = await db.Set<FeedbackForm>().AsNoTracking().Include(f => f.Questions).Where(f => f.ProjectId == projectId).OrderBy(f => f.Id).ToListAsync(ct);
        var formIds = forms.Select(f => f.Id).ToList();
        var experimentIds = forms.Select(f => f.ExperimentId).Distinct().ToList();
        var experiments = await db.Items.OfType<Experiment>().AsNoTracking().Where(e => experimentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, ct);
        var responses = (await db.Set<FeedbackResponse>().AsNoTracking().Include(r => r.Answers).Where(r => formIds.Contains(r.FormId))
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).ToListAsync(ct)).ToLookup(r => r.FormId);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var f in forms)
        {
            var questions = f.Questions.OrderBy(q => q.Position).ThenBy(q => q.Id).ToList();
            var n = 0;
            foreach (var r in responses[f.Id])
            {
                n++;
                foreach (var (q, i) in questions.Select((q, i) => (q, i)))
                    foreach (var a in r.Answers.Where(a => a.QuestionId == q.Id))
                        rows.Add([experiments.GetValueOrDefault(f.ExperimentId), f.Title, n, r.SubmittedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                            r.Perspective?.Label(), i + 1, q.Text, FeedbackWords.Label(q.Kind), FeedbackResults.AnswerText(q, a)]);
            }
        }
        return Outcome<ExportTable>.Ok(new ExportTable(Columns, rows));
    }

    public async Task<Outcome<ExportFile>> RunAsync(int projectId, string? format, CancellationToken ct = default)
    {
        var table = await TableAsync(projectId, ct);
        if (!table.IsOk) return table.Status == OutcomeStatus.NotFound ? Outcome<ExportFile>.NotFound() : Outcome<ExportFile>.Forbidden();
        var name = $"feedback-project-{projectId.ToString(CultureInfo.InvariantCulture)}";
        ExportFile file;
        if (string.IsNullOrEmpty(format) || string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            file = new ExportFile(name + ".csv", "text/csv; charset=utf-8", ExportStories.ToCsv(table.Value!));
        else if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
            file = new ExportFile(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ExportStories.ToXlsx(table.Value!, "Feedback"));
        else
            return Outcome<ExportFile>.Invalid("format", "Kies csv of xlsx als formaat.");
        await audit.RecordAsync(AuditAction.FeedbackExported, projectId, AuditSubjects.Project, projectId.ToString(CultureInfo.InvariantCulture),
            detail: $"{(file.FileName.EndsWith(".csv", StringComparison.Ordinal) ? "CSV-bestand" : "Excel-bestand")}, {table.Value!.Rows.Count} regels", ct: ct);
        return Outcome<ExportFile>.Ok(file);
    }
}

public static class FeedbackWords
{
    public static string Label(FeedbackQuestionKind kind) => kind switch
    {
        FeedbackQuestionKind.Scale => "Cijfer van 1 tot 5",
        FeedbackQuestionKind.Choice => "Keuzevraag",
        FeedbackQuestionKind.Open => "Open vraag",
        _ => kind.ToString(),
    };
}
