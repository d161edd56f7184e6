using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Web;

namespace Proeftuin.Features.Gates;

public sealed record AdviceInput(GateVerdict? Recommendation, string? Text);

/// <summary>
/// An evaluator who was asked gives advice on a proposed gate: doorgaan, terug or stoppen, and why. Only while the request
/// is open; giving it again replaces the earlier advice (until the gate is decided).
/// </summary>
public sealed class GiveGateAdvice(AppDbContext db, GetAdviceRequest get, Caller user, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<GateAdvice>> RunAsync(int requestId, AdviceInput input, CancellationToken ct = default)
    {
        if (await get.RunAsync(requestId, ct) is not { } view) return Outcome<GateAdvice>.NotFound();
        if (!view.CanAdvise) return Outcome<GateAdvice>.Forbidden();
        if (!view.IsOpen) return Outcome<GateAdvice>.Invalid("Recommendation", "Over deze fase is al besloten. Advies geven kan niet meer.");

        var v = new Validation();
        if (input.Recommendation is not { } recommendation || !Enum.IsDefined(recommendation))
        {
            v.Add("Recommendation", "Kies je advies: doorgaan, terug of stoppen.");
            recommendation = default;
        }
        var text = v.Text("Text", input.Text, GateLimits.Advice, label: "je advies");
        if (!v.IsValid) return v;

        var userId = user.Id;
        var advice = await db.Set<GateAdvice>().FirstAsync(a => a.RequestId == requestId && a.EvaluatorId == userId, ct);
        advice.Recommendation = recommendation;
        advice.Text = text;
        advice.GivenAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditAction.GateAdviceGiven, view.ProjectId, AuditSubjects.Project, view.ProjectId.ToString(CultureInfo.InvariantCulture),
            detail: GateSlugs.Verdict.Of(recommendation));
        await db.SaveChangesAsync(ct);
        return Outcome<GateAdvice>.Ok(advice);
    }
}
