using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>
/// A resident starts an initiative in a programme (anyone signed in) or in a project (its members, not observers). The
/// starter is its first initiator. It starts as "ontvangen", without pledges.
/// </summary>
public sealed class StartInitiative(AppDbContext db, InitiativeRules rules, Caller user, Markdown markdown, TimeProvider clock)
{
    public async Task<Outcome<Initiative>> RunAsync(int? programmeId, int? projectId, InitiativeInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var place = await rules.PlaceAsync(programmeId, projectId, ct);
        if (!place.IsOk) return place.Status == OutcomeStatus.NotFound ? Outcome<Initiative>.NotFound() : Outcome<Initiative>.Forbidden();
        var (gid, pid, _) = place.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var initiative = new Initiative { ProgrammeId = gid, ProjectId = pid, StarterId = user.Id, Status = InitiativeStatus.Received, CreatedAt = now, UpdatedAt = now };
        var v = new Validation();
        await input.ApplyAsync(v, initiative, markdown, db, pid, thresholdFixed: false, ct);
        if (!v.IsValid) return v;
        initiative.Initiators.Add(new InitiativeInitiator { UserId = user.Id!, AddedAt = now });
        db.Add(initiative);
        await db.SaveChangesAsync(ct);
        return Outcome<Initiative>.Ok(initiative);
    }
}
