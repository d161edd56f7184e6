using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>What the observation form and the API send. CriterionId is optional.</summary>
public sealed record ObservationInput(string? Text, string? ObservedOn, Perspective? KnowledgeSource, int? CriterionId);

/// <summary>
/// The team logs what it saw or heard while a proef runs: a thread item (it counts in the knowledge balance), dated (not
/// in the future, not before the proef began), optionally about one of the proef's criteria, linked "onderbouwt" to the proef.
/// </summary>
public sealed class LogObservation(AppDbContext db, GetExperiment get, Caller user, Markdown markdown, TimeProvider clock)
{
    public const int TitleLength = 80;

    public async Task<Outcome<Observation>> RunAsync(int experimentId, ObservationInput input, CancellationToken ct = default)
    {
        if (await get.LoadAsync(experimentId, track: false, ct) is not var (experiment, p)) return Outcome<Observation>.NotFound();
        if (!p.CanContribute) return Outcome<Observation>.Forbidden();
        if (experiment.Status != ExperimentStatus.Running)
            return Outcome<Observation>.Invalid("Text", experiment.Status == ExperimentStatus.Preparing
                ? "De proef is nog niet gestart. Start de proef voordat je observaties vastlegt."
                : "De proef is afgerond. Je kunt geen observaties meer toevoegen.");
        var v = new Validation();
        var text = v.Text("Text", input.Text, ExperimentLimits.Lengthy, label: "wat je zag of hoorde");
        var day = ExperimentDates.Read(v, "ObservedOn", input.ObservedOn, "de datum");
        var today = ExperimentDates.Today(clock);
        if (day is { } d)
        {
            if (d > today) v.Add("ObservedOn", "De datum ligt in de toekomst. Kies vandaag of een dag ervoor.");
            else if (d < experiment.StartsOn) v.Add("ObservedOn", "De datum ligt voor het begin van de proef ({0}).", ExperimentDates.Iso(experiment.StartsOn));
        }
        var source = v.Enum("KnowledgeSource", input.KnowledgeSource ?? p.Perspective ?? Perspective.Professional, "Kies een kennisbron uit de lijst.");
        if (input.CriterionId is { } criterionId
            && !await db.Set<SuccessCriterion>().AnyAsync(c => c.Id == criterionId && c.ExperimentId == experimentId, ct))
            v.Add("CriterionId", "Kies een succescriterium van deze proef, of geen.");
        if (!v.IsValid) return v;
        var now = clock.GetUtcNow().UtcDateTime;
        var observation = new Observation
        {
            ProjectId = experiment.ProjectId,
            ExperimentId = experiment.Id,
            AuthorId = user.Id,
            CreatedAt = now,
            UpdatedAt = now,
            Phase = await db.Projects.Where(x => x.Id == experiment.ProjectId).Select(x => x.Phase).FirstAsync(ct),
            KnowledgeSource = source,
            ObservedOn = day!.Value,
            CriterionId = input.CriterionId,
            Title = TitleOf(text),
            Text = text,
            Html = markdown.ToSafeHtml(text),
        };
        observation.SearchTerms = DutchStems.ToSearchTerms(observation.Title, text);
        db.Items.Add(observation);
        db.Links.Add(new Link { ProjectId = experiment.ProjectId, From = observation, ToId = experiment.Id, Type = LinkType.Supports, CreatedById = user.Id, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return Outcome<Observation>.Ok(observation);
    }

    /// <summary>The first line, cut at a word near 80 characters: the observation's name on the thread.</summary>
    public static string TitleOf(string text)
    {
        var line = text.Split('\n', 2)[0].Trim().TrimStart('#', '-', '*', '>', ' ');
        if (line.Length == 0) line = text.Trim();
        if (line.Length <= TitleLength) return line;
        var cut = line.LastIndexOf(' ', TitleLength);
        return (cut > 20 ? line[..cut] : line[..TitleLength]).TrimEnd() + " …";
    }
}
