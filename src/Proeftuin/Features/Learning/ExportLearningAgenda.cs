using System.Globalization;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Signification;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Learning;

/// <summary>
/// The learning agenda as CSV or XLSX for the team (the evaluator's report, the council letter): one row per question or
/// barrier, evidence as titles. The same rows as the page (GetLearningAgenda), written by the story export's writers, so
/// formula injection is guarded the same way.
/// </summary>
public sealed class ExportLearningAgenda(GetLearningAgenda get)
{
    public static readonly string[] Columns =
    [
        "Soort", "Nummer", "Vraag of barrière", "Voor wie of wie kan hem wegnemen", "Wanneer", "Status", "Wie zorgt ervoor",
        "Antwoord of uitkomst", "Bewijs", "Versies", "Toegevoegd op", "Laatst gewijzigd",
    ];

    public async Task<Outcome<ExportTable>> TableAsync(int projectId, CancellationToken ct = default)
    {
        var agenda = await get.RunAsync(projectId, ct);
        if (agenda is null) return Outcome<ExportTable>.NotFound();
        if (!agenda.CanExport) return Outcome<ExportTable>.Forbidden();
        var rows = agenda.Questions.Concat(agenda.Barriers).Select(r => (IReadOnlyList<object?>)
        [
            r.IsQuestion ? "Leervraag" : "Systeembarrière", r.Id, r.Title, r.Detail, r.DueOn is { } d ? ExperimentDates.Iso(d) : null, r.StatusLabel,
            r.OwnerName, r.Answer, string.Join("; ", r.Evidence.Select(e => $"{e.Kind.Label()}: {e.Title ?? e.Shown}")), r.Versions,
            r.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.UpdatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ]).ToList();
        return Outcome<ExportTable>.Ok(new ExportTable(Columns, rows));
    }

    /// <summary>format is csv (the default) or xlsx; who may not export gets NotFound or Forbidden before the format is looked at.</summary>
    public async Task<Outcome<ExportFile>> RunAsync(int projectId, string? format, CancellationToken ct = default)
    {
        var table = await TableAsync(projectId, ct);
        if (!table.IsOk) return table.Status == OutcomeStatus.NotFound ? Outcome<ExportFile>.NotFound() : Outcome<ExportFile>.Forbidden();
        var name = $"leeragenda-project-{projectId.ToString(CultureInfo.InvariantCulture)}";
        if (string.IsNullOrEmpty(format) || string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            return Outcome<ExportFile>.Ok(new ExportFile(name + ".csv", "text/csv; charset=utf-8", ExportStories.ToCsv(table.Value!)));
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
            return Outcome<ExportFile>.Ok(new ExportFile(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ExportStories.ToXlsx(table.Value!, "Leeragenda")));
        return Outcome<ExportFile>.Invalid("format", "Kies csv of xlsx als formaat.");
    }
}
