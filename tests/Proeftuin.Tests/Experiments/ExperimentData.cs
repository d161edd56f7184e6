using Proeftuin.Features.Experiments;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Experiments;

/// <summary>Prototypes and proeven straight into the database, and the setup form as a browser fills it in.</summary>
public static class ExperimentData
{
    public static DateOnly Today(this ProeftuinFactory factory) => ExperimentDates.Today(factory.Clock);

    public static string Iso(DateOnly day) => ExperimentDates.Iso(day);

    public static Task<int> PrototypeAsync(this ProeftuinFactory factory, int projectId, string title = "Buurtkamer op zondag", string? authorId = null) =>
        factory.ItemAsync(projectId, ItemKind.Prototype, title, "Een mock-up van de buurtkamer.", authorId);

    /// <summary>A proef with two criteria and one rule set aside (until <paramref name="ruleUntil"/>, default: after the end).</summary>
    public static Task<SeededExperiment> ExperimentAsync(this ProeftuinFactory factory, int projectId, ExperimentStatus status = ExperimentStatus.Preparing,
        int? prototypeId = null, DateOnly? startsOn = null, DateOnly? endsOn = null, DateOnly? ruleUntil = null, string title = "Zondag open", string? authorId = null) =>
        factory.WithDbAsync(async db =>
        {
            var today = factory.Today();
            var starts = startsOn ?? today.AddDays(-10);
            var ends = endsOn ?? today.AddDays(30);
            var experiment = new Experiment
            {
                ProjectId = projectId,
                PrototypeId = prototypeId,
                Title = title,
                Text = "Als de buurtkamer op zondag open is, komen er meer mensen.",
                Html = "<p>Als de buurtkamer op zondag open is, komen er meer mensen.</p>",
                Place = "Buurthuis De Klokkenberg",
                StartsOn = starts,
                EndsOn = ends,
                ParticipantsWho = "Bewoners die alleen wonen",
                ParticipantCount = 20,
                Recruitment = "Via het wijkteam",
                Safety = "Deelnemers kunnen altijd stoppen.",
                SafetyHtml = "<p>Deelnemers kunnen altijd stoppen.</p>",
                MeasurementPlan = "Elke zondag tellen.",
                MeasurementPlanHtml = "<p>Elke zondag tellen.</p>",
                Status = status,
                AuthorId = authorId,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
                SearchTerms = " zondag ",
                Criteria =
                [
                    new SuccessCriterion { Position = 0, What = "Meer bezoekers", Measure = "Tellen bij de deur", Threshold = "15 per zondag" },
                    new SuccessCriterion { Position = 1, What = "Mensen voelen zich welkom", Measure = "Korte vragenlijst", Threshold = "7 of hoger" },
                ],
                Rules = [new RuleException { Position = 0, Rule = "Openingstijden buurthuis", ApprovedBy = "Wethouder Zorg", Until = ruleUntil ?? ends.AddDays(10) }],
            };
            db.Items.Add(experiment);
            await db.SaveChangesAsync();
            return new SeededExperiment(experiment.Id, experiment.Criteria[0].Id, experiment.Criteria[1].Id);
        });

    /// <summary>Every criterion gets a result (as the results page would save them).</summary>
    public static Task ResultsAsync(this ProeftuinFactory factory, int experimentId, CriterionResult result = CriterionResult.Partly) =>
        factory.WithDbAsync(async db =>
        {
            foreach (var c in await db.Set<SuccessCriterion>().Where(c => c.ExperimentId == experimentId).ToListAsync())
            {
                c.Result = result;
                c.Evidence = "Gezien op zondag";
                c.ResultAt = DateTime.UtcNow;
            }
            return await db.SaveChangesAsync();
        });

    /// <summary>A complete, valid setup form; override fields by name (Input_Title …).</summary>
    public static Dictionary<string, string> SetupFields(DateOnly today, int prototypeId, params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.PrototypeId"] = prototypeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "Buurtkamer op zondag open",
            ["Input.Hypothesis"] = "Als de buurtkamer op **zondag** open is, komen er meer mensen die alleen wonen.",
            ["Input.Place"] = "Buurthuis De Klokkenberg",
            ["Input.StartsOn"] = Iso(today),
            ["Input.EndsOn"] = Iso(today.AddDays(42)),
            ["Input.ParticipantsWho"] = "Bewoners van 65 jaar en ouder die alleen wonen",
            ["Input.ParticipantCount"] = "25",
            ["Input.Recruitment"] = "Via het wijkteam en de huisarts",
            ["Input.Safety"] = "Deelnemers geven mondeling toestemming en kunnen **altijd** stoppen.",
            ["Input.MeasurementPlan"] = "- Elke zondag tellen\n- Na zes weken een korte vragenlijst",
            ["Input.Criteria[0].What"] = "Meer bezoekers op zondag",
            ["Input.Criteria[0].Measure"] = "Tellen bij de deur",
            ["Input.Criteria[0].Threshold"] = "Gemiddeld 15 per zondag",
            ["Input.Rules[0].Rule"] = "Het buurthuis is op zondag dicht",
            ["Input.Rules[0].ApprovedBy"] = "Wethouder Zorg",
            ["Input.Rules[0].Until"] = Iso(today.AddDays(60)),
        };
        foreach (var (name, value) in changes) fields[name] = value;
        return fields;
    }

    public static async Task<HttpResponseMessage> SetUpAsync(this Browser browser, int projectId, Dictionary<string, string> fields)
    {
        var page = await browser.OpenAsync($"/projecten/{projectId}/proeven/nieuw");
        return await browser.SubmitAsync(page.FormFor("Input.Title"), fields);
    }

    public static Task<int> ExperimentCountAsync(this ProeftuinFactory factory, int projectId) =>
        factory.WithDbAsync(db => db.Items.OfType<Experiment>().CountAsync(e => e.ProjectId == projectId));
}

public sealed record SeededExperiment(int Id, int Criterion, int SecondCriterion);
