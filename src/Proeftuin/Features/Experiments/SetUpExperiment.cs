using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

public sealed record CriterionInput(string? What, string? Measure, string? Threshold)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(What) && string.IsNullOrWhiteSpace(Measure) && string.IsNullOrWhiteSpace(Threshold);
}

public sealed record RuleInput(string? Rule, string? ApprovedBy, string? Until)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Rule) && string.IsNullOrWhiteSpace(ApprovedBy) && string.IsNullOrWhiteSpace(Until);
}

/// <summary>What the setup form and the API send. Numbers and dates come as text, so both get the same Dutch messages.</summary>
public sealed record ExperimentInput(
    int? PrototypeId, string? Title, string? Hypothesis, string? Place, string? StartsOn, string? EndsOn,
    string? ParticipantsWho, string? ParticipantCount, string? Recruitment, string? Safety, string? MeasurementPlan,
    IReadOnlyList<CriterionInput>? Criteria, IReadOnlyList<RuleInput>? Rules);

/// <summary>A prototype of the project to choose from.</summary>
public sealed record PrototypeChoice(int Id, string Title);

/// <summary>
/// Sets up a proef for a prototype of the same project (the team): hypothesis, place, period, participants, safety and
/// consent, measurement plan, success criteria and regelruimte; linked prototype → proef on the thread. One SaveChanges,
/// with the meldingen for the tellers of the stories behind the prototype (<see cref="NotifyTeller"/>).
/// </summary>
public sealed class SetUpExperiment(AppDbContext db, ProjectAccess access, Caller user, Markdown markdown, TimeProvider clock, NotifyTeller notify)
{
    public const int MaxCriteria = 10;
    public const int MaxRules = 10;

    public async Task<Outcome<ProjectPermissions>> CanSetUpAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return Outcome<ProjectPermissions>.NotFound();
        return p.CanContribute ? Outcome<ProjectPermissions>.Ok(p) : Outcome<ProjectPermissions>.Forbidden();
    }

    public Task<List<PrototypeChoice>> PrototypesAsync(int projectId, CancellationToken ct = default) =>
        db.Items.AsNoTracking().Where(i => i.ProjectId == projectId && i.Kind == ItemKind.Prototype)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new PrototypeChoice(i.Id, i.Title)).ToListAsync(ct);

    public async Task<Outcome<Experiment>> RunAsync(int projectId, ExperimentInput input, CancellationToken ct = default)
    {
        var allowed = await CanSetUpAsync(projectId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<Experiment>.NotFound() : Outcome<Experiment>.Forbidden();
        var v = new Validation();
        // Only a prototype of this very project: another project's id reads as "not one of ours", nothing more.
        PrototypeChoice? prototype = null;
        if (input.PrototypeId is not { } prototypeId)
            v.Add("PrototypeId", "Kies het prototype dat je gaat testen.");
        else if ((prototype = await db.Items.AsNoTracking().Where(i => i.Id == prototypeId && i.ProjectId == projectId && i.Kind == ItemKind.Prototype)
                     .Select(i => new PrototypeChoice(i.Id, i.Title)).FirstOrDefaultAsync(ct)) is null)
            v.Add("PrototypeId", "Kies een prototype van dit project.");
        var title = v.Text("Title", input.Title, ThreadLimits.Title, label: "een naam voor de proef");
        var hypothesis = v.Text("Hypothesis", input.Hypothesis, ExperimentLimits.Lengthy, label: "de hypothese");
        var place = v.Text("Place", input.Place, ExperimentLimits.Brief, label: "de plek");
        var starts = ExperimentDates.Read(v, "StartsOn", input.StartsOn, "de begindatum");
        var ends = ExperimentDates.Read(v, "EndsOn", input.EndsOn, "de einddatum");
        if (starts is { } s && ends is { } e)
        {
            if (e < s) v.Add("EndsOn", "De einddatum ligt voor de begindatum. Kies een einddatum op of na {0}.", ExperimentDates.Iso(s));
            else if (e.DayNumber - s.DayNumber > ExperimentLimits.MaxDays) v.Add("EndsOn", "Een proef duurt hoogstens vijf jaar. Kies een eerdere einddatum.");
        }
        var who = v.Text("ParticipantsWho", input.ParticipantsWho, ExperimentLimits.Medium, label: "wie er meedoen");
        var count = ReadCount(v, input.ParticipantCount);
        var recruitment = v.Text("Recruitment", input.Recruitment, ExperimentLimits.Medium, label: "hoe je deelnemers vindt");
        var safety = v.Text("Safety", input.Safety, ExperimentLimits.Lengthy, label: "de voorwaarden voor veiligheid en toestemming");
        var plan = v.Text("MeasurementPlan", input.MeasurementPlan, ExperimentLimits.Lengthy, label: "het meetplan");

        var criteria = new List<SuccessCriterion>();
        var criteriaIn = input.Criteria ?? [];
        if (criteriaIn.Count > MaxCriteria) v.Add("Criteria[0].What", "Een proef heeft hoogstens {0} succescriteria.", MaxCriteria);
        else
        {
            for (var i = 0; i < criteriaIn.Count; i++)
            {
                var c = criteriaIn[i];
                if (c is null || c.IsBlank) continue;
                var at = $"Criteria[{i.ToString(CultureInfo.InvariantCulture)}].";
                var what = v.Text(at + "What", c.What, ExperimentLimits.Medium, label: "wat je wilt bereiken");
                var measure = (c.Measure ?? "").Trim().Length == 0
                    ? Refuse(v, at + "Measure", "Een criterium zonder meting kan niet. Vul in hoe je het meet.")
                    : v.Text(at + "Measure", c.Measure, ExperimentLimits.Medium, label: "hoe je het meet");
                var threshold = v.Text(at + "Threshold", c.Threshold, ExperimentLimits.Brief, label: "de drempel");
                criteria.Add(new SuccessCriterion { Position = criteria.Count, What = what, Measure = measure, Threshold = threshold });
            }
            if (criteria.Count == 0) v.Add("Criteria[0].What", "Vul minstens één succescriterium in: wat wil je bereiken, hoe meet je het, en vanaf wanneer is het gelukt?");
        }

        var rules = new List<RuleException>();
        var rulesIn = input.Rules ?? [];
        if (rulesIn.Count > MaxRules) v.Add("Rules[0].Rule", "Een proef heeft hoogstens {0} regels in de regelruimte.", MaxRules);
        else
        {
            for (var i = 0; i < rulesIn.Count; i++)
            {
                var r = rulesIn[i];
                if (r is null || r.IsBlank) continue;
                var at = $"Rules[{i.ToString(CultureInfo.InvariantCulture)}].";
                var rule = v.Text(at + "Rule", r.Rule, ExperimentLimits.Medium, label: "welke regel of werkwijze je opzij zet");
                var approvedBy = v.Text(at + "ApprovedBy", r.ApprovedBy, ExperimentLimits.Brief, label: "wie toestemming gaf");
                var until = ExperimentDates.Read(v, at + "Until", r.Until, "tot wanneer het mag");
                if (until is { } u && starts is { } start && u < start)
                    v.Add(at + "Until", "De regelruimte houdt op voordat de proef begint. Kies een datum op of na {0}.", ExperimentDates.Iso(start));
                rules.Add(new RuleException { Position = rules.Count, Rule = rule, ApprovedBy = approvedBy, Until = until ?? default });
            }
        }
        if (!v.IsValid) return v;

        var now = clock.GetUtcNow().UtcDateTime;
        var experiment = new Experiment
        {
            ProjectId = projectId,
            AuthorId = user.Id,
            CreatedAt = now,
            UpdatedAt = now,
            Phase = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Phase).FirstAsync(ct),
            KnowledgeSource = allowed.Value!.Perspective ?? Perspective.Professional,
            PrototypeId = prototype!.Id,
            Title = title,
            Text = hypothesis,
            Html = markdown.ToSafeHtml(hypothesis),
            Place = place,
            StartsOn = starts!.Value,
            EndsOn = ends!.Value,
            ParticipantsWho = who,
            ParticipantCount = count!.Value,
            Recruitment = recruitment,
            Safety = safety,
            SafetyHtml = markdown.ToSafeHtml(safety),
            MeasurementPlan = plan,
            MeasurementPlanHtml = markdown.ToSafeHtml(plan),
            Status = ExperimentStatus.Preparing,
            Criteria = criteria,
            Rules = rules,
        };
        experiment.SearchTerms = DutchStems.ToSearchTerms([title, hypothesis, place, who, safety, plan,
            .. criteria.Select(c => c.What), .. rules.Select(r => r.Rule)]);
        db.Items.Add(experiment);
        // The thread: prototype leidt tot proef, in the same SaveChanges.
        db.Links.Add(new Link { ProjectId = projectId, FromId = prototype.Id, To = experiment, Type = LinkType.LeadsTo, CreatedById = user.Id, CreatedAt = now });
        var origin = await db.Items.FirstAsync(i => i.Id == prototype.Id, ct);
        var mails = await notify.LinkedAsync(origin, experiment, ct);
        await db.SaveChangesAsync(ct);
        await notify.SendAsync(mails, ct);
        return Outcome<Experiment>.Ok(experiment);
    }

    private static string Refuse(Validation v, string field, string message)
    {
        v.Add(field, message);
        return "";
    }

    private static int? ReadCount(Validation v, string? value)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            v.Add("ParticipantCount", "Vul in hoeveel mensen er meedoen.");
            return null;
        }
        if (text.Length > 9 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > ExperimentLimits.MaxParticipants)
        {
            v.Add("ParticipantCount", "Vul een aantal deelnemers in tussen 1 en {0}, in cijfers.", ExperimentLimits.MaxParticipants);
            return null;
        }
        return count;
    }
}
