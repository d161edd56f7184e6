using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Gates;

public sealed record GateInput(GateVerdict? Verdict, Phase? ToPhase, string? Reasons, string? WhatChanges);

/// <summary>
/// A facilitator decides at a gate: doorgaan (a later phase), terug (an earlier phase, saying what changes) or stoppen
/// (the project ends, its history stays), always with reasons. Go and back move the phase through
/// <see cref="MovePhase.Stage"/>, so the phase history has one writer (ADR 0028). An open advice request is closed and
/// its advice belongs to this decision, and so does the open review advice (Features/Review). Decision, move, request,
/// review advice and audit entry are saved together.
/// </summary>
public sealed class DecideGate(AppDbContext db, ProjectAccess access, MovePhase move, Caller user, AuditLog audit, TimeProvider clock, Follows.FollowNews news)
{
    public async Task<Outcome<GateDecision>> RunAsync(int projectId, GateInput input, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<GateDecision>.NotFound();
        if (!permissions.CanManage) return Outcome<GateDecision>.Forbidden();

        var project = await db.Projects.FirstAsync(p => p.Id == projectId, ct);
        if (project.Status == ProjectStatus.Finished)
            return Outcome<GateDecision>.Invalid("Verdict", "Dit project is gestopt. Er is geen nieuwe fase meer te kiezen.");

        var v = new Validation();
        var verdict = Check(v, project.Phase, input, out var to);
        var reasons = v.Text("Reason", input.Reasons, GateLimits.Reasons, label: "de reden");
        string? changes = null;
        if (verdict == GateVerdict.Back)
            changes = v.Text("WhatChanges", input.WhatChanges, GateLimits.WhatChanges, label: "wat er verandert");
        if (!v.IsValid || verdict is null) return v;

        var decision = new GateDecision
        {
            ProjectId = projectId,
            Verdict = verdict.Value,
            FromPhase = project.Phase,
            ToPhase = verdict == GateVerdict.Stop ? null : to,
            Reasons = reasons,
            WhatChanges = changes,
            ByUserId = user.Id,
            At = clock.GetUtcNow().UtcDateTime,
        };
        if (verdict == GateVerdict.Stop)
        {
            project.Status = ProjectStatus.Finished;
            project.MarkChanged();
        }
        else
        {
            // The phase history keeps the reasons too, so whoever reads PhaseTransition sees why.
            decision.PhaseTransition = move.Stage(project, to!.Value, reasons);
        }
        db.Set<GateDecision>().Add(decision);

        var open = await db.Set<GateAdviceRequest>().Where(r => r.ProjectId == projectId && r.ClosedAt == null).ToListAsync(ct);
        foreach (var request in open)
        {
            request.ClosedAt = decision.At;
            request.Decision = decision;
        }
        // The review board's open advice (Features/Review) was for this gate: it now belongs to this decision.
        var review = await db.Set<Review.ReviewAdvice>().Where(a => a.ProjectId == projectId && a.GateDecisionId == null).ToListAsync(ct);
        foreach (var advice in review) advice.Decision = decision;

        audit.Add(AuditAction.GateDecided, projectId, AuditSubjects.Project, projectId.ToString(CultureInfo.InvariantCulture),
            detail: GateSlugs.Verdict.Of(decision.Verdict) + ": " + ProjectSlugs.Phase.Of(decision.FromPhase)
                + (decision.ToPhase is { } t ? " → " + ProjectSlugs.Phase.Of(t) : ""));

        var saved = await db.SaveOrConflictAsync(decision, ct);
        if (saved.IsOk)
        {
            var what = decision.ToPhase is { } next && verdict != GateVerdict.Stop ? $"{verdict.Value.Label().ToLowerInvariant()}, naar de fase {next.Label()}" : verdict.Value.Label().ToLowerInvariant();
            await news.TellAsync([new Follows.NewsPlace(Follows.FollowTopic.Project, projectId, project.Title)], projectId,
                new Follows.NewsLine($"Fasebesluit in „{Follows.FollowNews.Cut(project.Title, 120)}”: {what}", $"/projecten/{projectId}/fase"), ct: ct);
        }
        return saved;
    }

    /// <summary>The verdict and where it leads, or errors on the form.</summary>
    internal static GateVerdict? Check(Validation v, Phase now, GateInput input, out Phase? to)
    {
        to = null;
        if (input.Verdict is not { } verdict || !Enum.IsDefined(verdict))
        {
            v.Add("Verdict", "Kies wat je besluit: doorgaan, terug of stoppen.");
            return null;
        }
        if (verdict == GateVerdict.Stop) return verdict;
        if (input.ToPhase is not { } phase || !Enum.IsDefined(phase))
        {
            v.Add("ToPhase", "Kies een fase.");
            return verdict;
        }
        if (phase == now) v.Add("ToPhase", "Het project zit al in deze fase. Kies een andere fase.");
        else if (verdict == GateVerdict.Go && phase < now) v.Add("ToPhase", "Doorgaan gaat naar een latere fase. Kies een latere fase, of kies terug.");
        else if (verdict == GateVerdict.Back && phase > now) v.Add("ToPhase", "Terug gaat naar een eerdere fase. Kies een eerdere fase, of kies doorgaan.");
        to = phase;
        return verdict;
    }
}
