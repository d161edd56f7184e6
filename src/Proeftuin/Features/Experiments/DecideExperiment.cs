using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Lessons;
using Proeftuin.Features.Members;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

public sealed record DecisionInput(DecisionChoice? Choice, Phase? BackToPhase, string? WhatChanges, string? Reasoning,
    bool BrilliantFailure, string? FailureTaught, string? Lesson);

/// <summary>
/// A facilitator decides about an ended proef whose criteria all have a result: doorgaan, bijsturen (back to which
/// earlier phase, and what changes) or stoppen; optionally a briljante mislukking with what it taught. The decision and
/// its lesson join the thread (proef → besluit → les) in one SaveChanges, with an audit entry. One decision per proef:
/// a second is refused, and the page shows the first. The tellers of the stories behind the proef hear of the decision
/// (<see cref="NotifyTeller"/>; not again of its lesson, which is part of it).
/// </summary>
public sealed class DecideExperiment(AppDbContext db, GetExperiment get, Caller user, Markdown markdown, AuditLog audit, TimeProvider clock, NotifyTeller notify,
    Follows.FollowNews news)
{
    /// <summary>Bijsturen goes back to one of these: every phase before testing.</summary>
    public static readonly Phase[] EarlierPhases = [Phase.Empathize, Phase.Define, Phase.Ideate, Phase.Prototype];

    public async Task<Outcome<Decision>> RunAsync(int experimentId, DecisionInput input, CancellationToken ct = default)
    {
        if (await get.LoadAsync(experimentId, track: false, ct) is not var (experiment, p)) return Outcome<Decision>.NotFound();
        if (!p.CanFacilitate) return Outcome<Decision>.Forbidden();
        if (experiment.Status != ExperimentStatus.Ended)
            return Outcome<Decision>.Invalid("Choice", "De proef is nog niet afgerond. Rond de proef af en leg de resultaten vast; daarna neem je een besluit.");
        if (await db.Items.OfType<Decision>().AnyAsync(d => d.ExperimentId == experimentId, ct))
            return Outcome<Decision>.Invalid("Choice", "Over deze proef is al besloten. Je ziet het besluit op de pagina van de proef.");
        if (await db.Set<SuccessCriterion>().AnyAsync(c => c.ExperimentId == experimentId && c.Result == null, ct))
            return Outcome<Decision>.Invalid("Choice", "Leg eerst voor elk succescriterium het resultaat vast. Daarna neem je een besluit.");
        var v = new Validation();
        if (input.Choice is not { } choice || !Enum.IsDefined(choice))
        {
            v.Add("Choice", "Kies een besluit: doorgaan, bijsturen of stoppen.");
            choice = default;
        }
        Phase? back = null;
        string? changes = null;
        if (choice == DecisionChoice.Adjust && v.IsValid)
        {
            if (input.BackToPhase is not { } phase || !EarlierPhases.Contains(phase))
                v.Add("BackToPhase", "Kies naar welke eerdere fase het project teruggaat.");
            else back = phase;
            changes = v.Text("WhatChanges", input.WhatChanges, ExperimentLimits.Lengthy, label: "wat er verandert");
        }
        var reasoning = v.Text("Reasoning", input.Reasoning, ExperimentLimits.Lengthy, label: "waarom jullie zo besluiten");
        string? taught = null;
        if (input.BrilliantFailure)
            taught = v.Text("FailureTaught", input.FailureTaught, ExperimentLimits.Lengthy, label: "wat deze mislukking ons leerde");
        var lessonText = v.Text("Lesson", input.Lesson, ExperimentLimits.Lengthy, label: "de les");
        if (!v.IsValid) return v;

        var now = clock.GetUtcNow().UtcDateTime;
        var phaseNow = await db.Projects.Where(x => x.Id == experiment.ProjectId).Select(x => x.Phase).FirstAsync(ct);
        var source = p.Perspective ?? Perspective.Professional;
        var name = experiment.Title.Length > 120 ? experiment.Title[..120] + " …" : experiment.Title;
        var decision = new Decision
        {
            ProjectId = experiment.ProjectId,
            ExperimentId = experiment.Id,
            AuthorId = user.Id,
            CreatedAt = now,
            UpdatedAt = now,
            Phase = phaseNow,
            KnowledgeSource = source,
            Choice = choice,
            BackToPhase = back,
            WhatChanges = changes,
            BrilliantFailure = input.BrilliantFailure,
            FailureTaught = taught,
            Title = $"Besluit over {name}: {choice.Label().ToLowerInvariant()}",
            Text = reasoning,
            Html = markdown.ToSafeHtml(reasoning),
        };
        decision.SearchTerms = DutchStems.ToSearchTerms(decision.Title, reasoning, changes, taught);
        var lesson = new Lesson
        {
            ProjectId = experiment.ProjectId,
            AuthorId = user.Id,
            CreatedAt = now,
            UpdatedAt = now,
            Phase = phaseNow,
            KnowledgeSource = source,
            Title = $"Les uit {name}",
            // Plain text: every line its own line, nothing rendered.
            Text = lessonText,
            Html = "<p>" + string.Join("<br>", lessonText.Split('\n').Select(l => WebUtility.HtmlEncode(l.TrimEnd('\r')))) + "</p>",
        };
        lesson.RefreshSearchTerms();
        // The team fills in context and result in the library later; a briljante mislukking is already known now.
        if (input.BrilliantFailure) lesson.Result = LessonResult.BrilliantFailure;
        db.Items.AddRange(decision, lesson);
        db.Links.Add(new Link { ProjectId = experiment.ProjectId, FromId = experiment.Id, To = decision, Type = LinkType.LeadsTo, CreatedById = user.Id, CreatedAt = now });
        db.Links.Add(new Link { ProjectId = experiment.ProjectId, From = decision, To = lesson, Type = LinkType.LeadsTo, CreatedById = user.Id, CreatedAt = now });
        var mails = await notify.LinkedAsync(experiment, decision, ct);
        audit.Add(AuditAction.ExperimentDecided, experiment.ProjectId, AuditSubjects.Experiment, experiment.Id.ToString(CultureInfo.InvariantCulture),
            detail: ExperimentSlugs.Choice.Of(choice) + (back is { } b ? " → " + ProjectSlugs.Phase.Of(b) : "") + (input.BrilliantFailure ? ", briljante mislukking" : ""));
        await db.SaveChangesAsync(ct);
        await notify.SendAsync(mails, ct);
        await news.TellAsync([new Follows.NewsPlace(Follows.FollowTopic.Item, experiment.Id, experiment.Title), new Follows.NewsPlace(Follows.FollowTopic.Project, experiment.ProjectId,
            await db.Projects.AsNoTracking().Where(x => x.Id == experiment.ProjectId).Select(x => x.Title).FirstAsync(ct))],
            experiment.ProjectId, new Follows.NewsLine($"Besluit over de proef „{name}”: {choice.Label().ToLowerInvariant()}", $"/draad/{decision.Id}", "bijdrage", decision.Id), ct: ct);
        return Outcome<Decision>.Ok(decision);
    }
}
