using Proeftuin.Features.Initiatives;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Signification;
using Proeftuin.Web;

namespace Proeftuin.Features.Dashboard;

/// <summary>
/// The programme dashboard's numbers as one CSV table (/programmas/{id}/overzicht.csv): one row per number, so it
/// sorts and filters in a spreadsheet. UTF-8 with a byte order mark and a semicolon between cells, so it opens in
/// Excel with Dutch settings; written by the story export's writer, which guards against formulas. Only what the page
/// shows the same caller; no names of people. The upcoming activities are not numbers and stay on the page.
/// </summary>
public sealed class ExportProgrammeDashboard(GetProgrammeDashboard get)
{
    public static readonly string[] Columns = ["Onderdeel", "Project", "Maand", "Soort", "Aantal"];

    public async Task<Outcome<ExportFile>> RunAsync(int programmeId, CancellationToken ct = default)
    {
        if (await get.RunAsync(programmeId, ct) is not { } view) return Outcome<ExportFile>.NotFound();
        var csv = ExportStories.ToCsv(Table(view), separator: ';');
        return Outcome<ExportFile>.Ok(new ExportFile($"overzicht-programma-{programmeId}.csv", "text/csv; charset=utf-8", csv));
    }

    public static ExportTable Table(ProgrammeDashboardView view)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var m in view.Months)
        {
            var month = ProgrammeCharts.MonthIso(m.Month);
            foreach (var s in Enum.GetValues<ParticipationSeries>())
                rows.Add(["Deelname per maand", null, month, s.Label(), ProgrammeCharts.Count(m, s)]);
        }
        foreach (var (phase, count) in view.ProjectsPerPhase)
            rows.Add(["Projecten per fase", null, null, phase.Label(), count]);
        foreach (var p in view.Projects)
            rows.Add(["Fase van project", p.Title, null, p.Phase.Label(), null]);
        foreach (var p in view.Projects)
        {
            foreach (var c in p.Balance.Columns)
                rows.Add(["Kennisbalans", p.Title, null, c.Perspective.Label(), c.Count]);
        }
        foreach (var (status, count) in view.InitiativesPerStatus)
            rows.Add(["Initiatieven per status", null, null, status.Label(), count]);
        return new ExportTable(Columns, rows);
    }
}
