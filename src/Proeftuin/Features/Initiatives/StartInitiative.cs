using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>
/// A resident starts an initiative in a programme (anyone signed in) or in a project (its members, not observers). The
/// starter is its first initiator. It starts as "ontvangen", without pledges.
/// </summary>
public sealed class StartInitiative(AppDbContext db, InitiativeRules rules, Caller user, Markdown markdown, TimeProvider clock, Follows.FollowThing follow)
{
    /// <summary>Where the form is: NotFound or Forbidden as the start itself would answer; the place's name.</summary>
    public Task<Outcome<(int ProgrammeId, int? ProjectId, string Title)>> CanStartAsync(int? programmeId, int? projectId, CancellationToken ct = default) =>
        rules.PlaceAsync(programmeId, projectId, ct);

    /// <summary>The title of the idea, question or decision of this project it would grow from; null for anything else.</summary>
    public Task<string?> OriginTitleAsync(int projectId, int itemId, CancellationToken ct = default) =>
        db.Items.Where(x => x.Id == itemId && x.ProjectId == projectId && InitiativeInput.Origins.Contains(x.Kind)).Select(x => x.Title).FirstOrDefaultAsync(ct);

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
        await follow.EnsureAsync(user.Id!, Follows.FollowTopic.Initiative, initiative.Id, ct);
        return Outcome<Initiative>.Ok(initiative);
    }
}
