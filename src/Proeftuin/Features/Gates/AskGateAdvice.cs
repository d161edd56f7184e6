using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Members;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Gates;

public sealed record AdviceRequestInput(GateVerdict? Verdict, Phase? ToPhase, string? Question, IReadOnlyList<string>? EvaluatorIds);

/// <summary>
/// A facilitator asks evaluators of the project for advice on a proposed gate. Each evaluator gets a melding in the app.
/// One open request per project: a second is refused until the gate is decided.
/// </summary>
public sealed class AskGateAdvice(AppDbContext db, ProjectAccess access, Caller user, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<GateAdviceRequest>> RunAsync(int projectId, AdviceRequestInput input, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<GateAdviceRequest>.NotFound();
        if (!permissions.CanManage) return Outcome<GateAdviceRequest>.Forbidden();

        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new { p.Title, p.Phase, p.Status }).FirstAsync(ct);
        if (project.Status == ProjectStatus.Finished)
            return Outcome<GateAdviceRequest>.Invalid("Verdict", "Dit project is gestopt. Er is geen nieuwe fase meer te kiezen.");
        if (await db.Set<GateAdviceRequest>().AnyAsync(r => r.ProjectId == projectId && r.ClosedAt == null, ct))
            return Outcome<GateAdviceRequest>.Invalid("Verdict", "Er staat al een adviesvraag open. Neem eerst een besluit over de fase.");

        var v = new Validation();
        var verdict = DecideGate.Check(v, project.Phase, new GateInput(input.Verdict, input.ToPhase, null, null), out var to);
        var question = v.Text("Question", input.Question, GateLimits.Question, label: "je vraag");
        var evaluators = await db.Memberships.AsNoTracking()
            .Where(m => m.ProjectId == projectId && m.Role == ProjectRole.Evaluator)
            .Select(m => m.UserId).ToListAsync(ct);
        var chosen = (input.EvaluatorIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0) v.Add("EvaluatorIds", "Kies minstens één evaluator.");
        else if (chosen.Any(id => !evaluators.Contains(id, StringComparer.Ordinal))) v.Add("EvaluatorIds", "Kies evaluatoren uit de lijst.");
        if (!v.IsValid || verdict is null) return v;

        var now = clock.GetUtcNow().UtcDateTime;
        var request = new GateAdviceRequest
        {
            ProjectId = projectId,
            ProposedVerdict = verdict.Value,
            FromPhase = project.Phase,
            ProposedPhase = verdict == GateVerdict.Stop ? null : to,
            Question = question,
            AskedByUserId = user.Id,
            AskedAt = now,
            Advice = chosen.Select(id => new GateAdvice { EvaluatorId = id }).ToList(),
        };
        db.Set<GateAdviceRequest>().Add(request);
        await db.SaveChangesAsync(ct);

        var title = project.Title.Length > 120 ? project.Title[..120] + " …" : project.Title;
        foreach (var id in chosen)
            db.Notifications.Add(new Notification { UserId = id, Text = $"Je wordt gevraagd om advies over de fase van het project „{title}”.", Url = AdvicePath(request.Id), CreatedAt = now });
        audit.Add(AuditAction.GateAdviceRequested, projectId, AuditSubjects.Project, projectId.ToString(CultureInfo.InvariantCulture),
            detail: GateSlugs.Verdict.Of(request.ProposedVerdict) + ", " + chosen.Count.ToString(CultureInfo.InvariantCulture) + " evaluator(s)");
        await db.SaveChangesAsync(ct);
        return Outcome<GateAdviceRequest>.Ok(request);
    }

    public static string AdvicePath(int requestId) => $"/adviesvragen/{requestId}";
}
