using System.Globalization;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Web;

namespace Proeftuin.Features.Reflections;

/// <summary>
/// The evaluator (or facilitator) writes what the reflection taught and, if they want, advice for the team. That
/// closes the reflection: answers stop, the outcome shows on its page. It can be changed later; advice given or changed
/// goes in the audit log, as advice at a gate does. Updated learning questions and new lessons are made on their own
/// pages, from links beside the outcome, so their history and visibility rules stay in one place.
/// </summary>
public sealed class WriteReflectionOutcome(AppDbContext db, ProjectAccess access, Markdown markdown, AuditLog audit, TimeProvider clock)
{
    public Task<Outcome<(Reflection Reflection, ProjectPermissions Permissions)>> CanWriteAsync(int id, CancellationToken ct = default) =>
        ReflectionRules.LoadAsync(db, access, id, ReflectionRules.MayLead, ct);

    public async Task<Outcome<Reflection>> RunAsync(int id, string? outcome, string? advice, CancellationToken ct = default)
    {
        var found = await CanWriteAsync(id, ct);
        if (!found.IsOk) return found.Status == OutcomeStatus.NotFound ? Outcome<Reflection>.NotFound() : Outcome<Reflection>.Forbidden();
        var reflection = found.Value.Reflection;
        var v = new Validation();
        var outcomeText = v.Text("Outcome", outcome, ReflectionLimits.Outcome, label: "wat jullie geleerd hebben");
        var adviceText = v.Text("Advice", advice, ReflectionLimits.Advice, required: false, label: "het advies");
        if (!v.IsValid) return v;

        var now = clock.GetUtcNow().UtcDateTime;
        var adviceChanged = adviceText.Length > 0 && adviceText != reflection.Advice;
        reflection.Outcome = outcomeText;
        reflection.OutcomeHtml = markdown.ToSafeHtml(outcomeText);
        reflection.Advice = adviceText;
        reflection.AdviceHtml = markdown.ToSafeHtml(adviceText);
        reflection.Status = ReflectionStatus.Done;
        reflection.ClosedAt ??= now;
        reflection.UpdatedAt = now;
        reflection.SearchTerms = Thread.DutchStems.ToSearchTerms(reflection.Title, reflection.Text + "\n" + outcomeText);
        if (adviceChanged)
            audit.Add(AuditAction.ReflectionAdviceGiven, reflection.ProjectId, AuditSubjects.Reflection, reflection.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Outcome<Reflection>.Ok(reflection);
    }
}
