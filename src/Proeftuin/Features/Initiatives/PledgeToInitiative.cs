using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>Kind; Hours for "ik geef N uur per week"; Bring for "ik neem … mee"; IfOthers for "als er nog N anderen meedoen".</summary>
public sealed record PledgeInput(PledgeKind? Kind, int? Hours, string? Bring, int? IfOthers);

/// <summary>A pledge as saved, and whether it reached the threshold (then everyone who pledged was told).</summary>
public sealed record PledgeResult(Pledge Pledge, bool Reached, int Counted, int Active)
{
    public bool ConditionMet => (Pledge.IfOthers ?? 0) <= Active - 1;
}

/// <summary>
/// "Ik doe mee": a pledge, conditional or not, and taking it back until the threshold is reached. Everything in one
/// transaction that first takes the initiative's row (so pledges on one initiative queue), then inserts, counts and, when
/// the threshold is met, reaches it with a conditional update; only that request tells the pledgers (melding + mail).
/// </summary>
public sealed class PledgeToInitiative(AppDbContext db, InitiativeRules rules, InitiativeNotices notices, TimeProvider clock,
    Follows.FollowThing follow, Follows.FollowNews news)
{
    public const string Already = "Je doet al mee met dit initiatief.";
    public const string NothingToWithdraw = "Je doet niet mee met dit initiatief. Er is niets om in te trekken.";
    public const string TooLate = "De drempel is gehaald. Je kunt je toezegging niet meer intrekken. Kun je toch niet? Laat het de initiatiefnemers weten.";

    public async Task<Outcome<PledgeResult>> PledgeAsync(int initiativeId, PledgeInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var loaded = await rules.LoadAsync(initiativeId, ct: ct);
        if (!loaded.IsOk) return loaded.Status == OutcomeStatus.NotFound ? Outcome<PledgeResult>.NotFound() : Outcome<PledgeResult>.Forbidden();
        var c = loaded.Value!;
        if (!c.MayPledge) return Outcome<PledgeResult>.Forbidden();
        var i = c.Initiative;
        if (i.HiddenAt is not null) return Outcome<PledgeResult>.Invalid("Kind", InitiativeRules.Hidden);
        if (i.Status == InitiativeStatus.NotNow) return Outcome<PledgeResult>.Invalid("Kind", InitiativeRules.NotNow);
        if (i.PledgesClosedAt is not null) return Outcome<PledgeResult>.Invalid("Kind", InitiativeRules.Closed);

        var v = new Validation();
        string? bring = null;
        int? hours = null;
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) return Outcome<PledgeResult>.Invalid("Kind", "Kies hoe je meedoet.");
        if (kind == PledgeKind.Hours)
        {
            if (input.Hours is not { } h || h < 1 || h > InitiativeLimits.MaxHours)
                v.Add("Hours", "Vul een aantal uren per week in van 1 tot en met {0}.", InitiativeLimits.MaxHours);
            else hours = h;
        }
        if (kind == PledgeKind.Bring) bring = v.Text("Bring", input.Bring, InitiativeLimits.Bring, label: "wat je meeneemt");
        if (input.IfOthers is { } others && (others < 1 || others > InitiativeLimits.MaxOthers))
            v.Add("IfOthers", "Vul bij ‘als er nog … anderen meedoen’ een aantal in van 1 tot en met {0}, of laat het leeg.", InitiativeLimits.MaxOthers);
        if (!v.IsValid) return v;

        var userId = c.UserId!;
        var perspective = c.ProjectPerspective
            ?? await db.Users.Where(u => u.Id == userId).Select(u => u.DefaultPerspective).FirstAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var pledge = new Pledge { InitiativeId = initiativeId, UserId = userId, Kind = kind, HoursPerWeek = hours, Bring = bring, IfOthers = input.IfOthers, Perspective = perspective, CreatedAt = now };

        IReadOnlyList<Web.Mail.MailMessage> mails = [];
        var reached = false;
        var counted = 0;
        var active = 0;
        var refusal = await db.InTransactionAsync(async (tx, ct) =>
        {
            if (await ThresholdCheck.QueueOpenAsync(db, initiativeId, ct) == 0)
            {
                var state = await db.Set<Initiative>().AsNoTracking().Where(x => x.Id == initiativeId).Select(x => new { x.HiddenAt, x.Status }).FirstAsync(ct);
                return Outcome<PledgeResult>.Invalid("Kind", state.HiddenAt is not null ? InitiativeRules.Hidden : state.Status == InitiativeStatus.NotNow ? InitiativeRules.NotNow : InitiativeRules.Closed);
            }
            if (await db.Set<Pledge>().AnyAsync(p => p.InitiativeId == initiativeId && p.UserId == userId && p.WithdrawnAt == null, ct))
                return Outcome<PledgeResult>.Invalid("Kind", Already);
            db.Add(pledge);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (!DatabaseOutage.IsUnavailable(e))
            {
                // The unique index: a pledge of the same person at the same moment. (A lost connection is retried instead.)
                db.ChangeTracker.Clear();
                return Outcome<PledgeResult>.Invalid("Kind", Already);
            }
            (counted, active) = await ThresholdCheck.CountAsync(db, initiativeId, ct);
            reached = await ThresholdCheck.TryReachAsync(db, initiativeId, i.Threshold, counted, now, ct);
            if (reached)
            {
                mails = await notices.ReachedAsync(i, counted, ct);
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            return null;
        }, ct);
        if (refusal is not null) return refusal;
        await notices.SendAsync(mails, ct);
        await follow.EnsureAsync(userId, Follows.FollowTopic.Initiative, initiativeId, ct);
        if (reached)
        {
            // Everyone who pledged was told by mail already, or pledged after it was reached; the other followers hear it here.
            // A query, read after the followers: a pledge made meanwhile is committed before its follow, so it is always left out.
            var pledgers = db.Set<Pledge>().AsNoTracking().Where(p => p.InitiativeId == initiativeId && p.UserId != null).Select(p => p.UserId!);
            await news.TellAsync([new Follows.NewsPlace(Follows.FollowTopic.Initiative, initiativeId, i.Title)], i.ProjectId,
                new Follows.NewsLine($"Het initiatief „{Follows.FollowNews.Cut(i.Title, 120)}” gaat door: de drempel is gehaald", InitiativeNotices.Path(initiativeId),
                    "initiatief", initiativeId), pledgers, ct);
        }
        return Outcome<PledgeResult>.Ok(new PledgeResult(pledge, reached, counted, active));
    }

    /// <summary>Take one's active pledge back, as long as the threshold is not reached.</summary>
    public async Task<Outcome<bool>> WithdrawAsync(int initiativeId, CancellationToken ct = default)
    {
        var loaded = await rules.LoadAsync(initiativeId, ct: ct);
        if (!loaded.IsOk) return Outcome<bool>.NotFound();
        var c = loaded.Value!;
        if (!c.IsSignedIn) return Outcome<bool>.Forbidden();
        var userId = c.UserId!;
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.InTransactionAsync(async (tx, ct) =>
        {
            await ThresholdCheck.QueueAsync(db, initiativeId, ct);
            // Read again inside the queue: a pledge that reached the threshold a moment ago is final.
            if (await db.Set<Initiative>().Where(x => x.Id == initiativeId).Select(x => x.ReachedAt).FirstAsync(ct) is not null)
                return Outcome<bool>.Invalid("Kind", TooLate);
            var changed = await db.Set<Pledge>().Where(p => p.InitiativeId == initiativeId && p.UserId == userId && p.WithdrawnAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.WithdrawnAt, now), ct);
            if (changed == 0) return Outcome<bool>.Invalid("Kind", NothingToWithdraw);
            await tx.CommitAsync(ct);
            return Outcome<bool>.Ok(true);
        }, ct);
    }
}
