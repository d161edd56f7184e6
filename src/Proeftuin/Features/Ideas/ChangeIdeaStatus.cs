using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Ideas;

/// <summary>
/// A facilitator moves an idea to another status and says why. The reason is required when parking an idea: the people
/// who brought or supported it should be able to read why the team stopped; for the other steps it is optional, since
/// what comes next (a prototype, a test) shows on the thread. Every change is kept (IdeaStatusChanges) and logged.
/// </summary>
public sealed class ChangeIdeaStatus(AppDbContext db, ProjectAccess access, Caller user, AuditLog audit, TimeProvider clock)
{
    public const string SameStatus = "Het idee heeft deze status al. Kies een andere status.";
    public const string ChangedMeanwhile = "Iemand anders heeft de status net veranderd. Bekijk het idee opnieuw en probeer het nog eens.";

    public async Task<Outcome<IdeaStatusChange>> RunAsync(int ideaId, IdeaStatus? chosen, string? reason, CancellationToken ct = default)
    {
        var idea = await db.Items.OfType<Idea>().AsNoTracking().Where(i => i.Id == ideaId)
            .Select(i => new { i.Id, i.ProjectId, i.Status }).FirstOrDefaultAsync(ct);
        if (idea is null) return Outcome<IdeaStatusChange>.NotFound();
        var p = await access.ForProjectAsync(idea.ProjectId, ct);
        if (p is null) return Outcome<IdeaStatusChange>.NotFound();
        if (!p.CanFacilitate) return Outcome<IdeaStatusChange>.Forbidden();

        var v = new Validation();
        if (chosen is not { } to || !Enum.IsDefined(to)) return Outcome<IdeaStatusChange>.Invalid("Status", "Kies een status uit de lijst.");
        var why = v.Text("Reason", reason, IdeaLimits.Reason, required: to == IdeaStatus.Parked, label: "de reden");
        if (v.IsValid && to == idea.Status) v.Add("Status", SameStatus);
        if (!v.IsValid) return v;

        var now = clock.GetUtcNow().UtcDateTime;
        return await db.InTransactionAsync(async (tx, ct) =>
        {
            // Only from the status the change was read from: of two facilitators at once, the second is told.
            var from = idea.Status;
            if (await db.Items.OfType<Idea>().Where(i => i.Id == ideaId && i.Status == from)
                    .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, to), ct) == 0)
                return Outcome<IdeaStatusChange>.Invalid("Status", ChangedMeanwhile);
            var change = new IdeaStatusChange { IdeaId = ideaId, ProjectId = idea.ProjectId, FromStatus = from, ToStatus = to, Reason = why, ByUserId = user.Id, At = now };
            db.Add(change);
            // Content-free: the statuses, never the reason (it may name people).
            audit.Add(AuditAction.IdeaStatusChanged, idea.ProjectId, AuditSubjects.Idea, ideaId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                detail: $"Status: {from.Label()} → {to.Label()}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Outcome<IdeaStatusChange>.Ok(change);
        }, ct);
    }
}
