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
        // The rest of the plan reads the same as when the proef is edited (EditExperiment): same checks, same messages.
        var plan = ExperimentPlan.Read(v, input);
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
            Title = plan.Title,
            Text = plan.Hypothesis,
            Html = markdown.ToSafeHtml(plan.Hypothesis),
            Place = plan.Place,
            StartsOn = plan.StartsOn!.Value,
            EndsOn = plan.EndsOn!.Value,
            ParticipantsWho = plan.ParticipantsWho,
            ParticipantCount = plan.ParticipantCount!.Value,
            Recruitment = plan.Recruitment,
            Safety = plan.Safety,
            SafetyHtml = markdown.ToSafeHtml(plan.Safety),
            MeasurementPlan = plan.MeasurementPlan,
            MeasurementPlanHtml = markdown.ToSafeHtml(plan.MeasurementPlan),
            Status = ExperimentStatus.Preparing,
            Criteria = [.. plan.Criteria.Select((c, i) => new SuccessCriterion { Position = i, What = c.What, Measure = c.Measure, Threshold = c.Threshold })],
            Rules = [.. plan.Rules.Select((r, i) => new RuleException { Position = i, Rule = r.Rule, ApprovedBy = r.ApprovedBy, Until = r.Until })],
        };
        experiment.SearchTerms = ExperimentPlan.SearchTermsOf(experiment);
        db.Items.Add(experiment);
        // The thread: prototype leidt tot proef, in the same SaveChanges.
        db.Links.Add(new Link { ProjectId = projectId, FromId = prototype.Id, To = experiment, Type = LinkType.LeadsTo, CreatedById = user.Id, CreatedAt = now });
        var origin = await db.Items.FirstAsync(i => i.Id == prototype.Id, ct);
        var mails = await notify.LinkedAsync(origin, experiment, ct);
        await db.SaveChangesAsync(ct);
        await notify.SendAsync(mails, ct);
        return Outcome<Experiment>.Ok(experiment);
    }
}
