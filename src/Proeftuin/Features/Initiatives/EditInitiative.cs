using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>
/// The initiators change their initiative: its texts and threshold (fixed once reached), co-initiators chosen among
/// the people who pledged, and, once the threshold is reached, whether new pledges are still welcome. A lower threshold
/// that the pledges already meet reaches it here, with the same conditional update as a pledge.
/// </summary>
public sealed class EditInitiative(AppDbContext db, InitiativeRules rules, Markdown markdown, InitiativeNotices notices, TimeProvider clock)
{
    public const string NotAPledger = "Kies mede-initiatiefnemers uit de mensen die meedoen.";
    public const string NotReached = "Je kunt de aanmeldingen pas sluiten als de drempel is gehaald.";

    public async Task<Outcome<InitiativeContext>> CanEditAsync(int id, CancellationToken ct = default)
    {
        var loaded = await rules.LoadAsync(id, ct: ct);
        if (!loaded.IsOk) return loaded;
        if (!loaded.Value!.MayEdit) return Outcome<InitiativeContext>.Forbidden();
        return loaded;
    }

    /// <summary>People with an active pledge who are not initiators yet: the choices for co-initiator.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> PledgersAsync(int id, CancellationToken ct = default)
    {
        var rows = await db.Set<Pledge>().AsNoTracking().Where(p => p.InitiativeId == id && p.WithdrawnAt == null && p.UserId != null)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new { u.Id, u.DisplayName }).OrderBy(u => u.DisplayName).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.DisplayName)).ToList();
    }

    public async Task<Outcome<Initiative>> RunAsync(int id, InitiativeInput input, IReadOnlyCollection<string> coInitiators, bool closePledges, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(coInitiators);
        var loaded = await rules.LoadAsync(id, tracked: true, ct);
        if (!loaded.IsOk) return loaded.Status == OutcomeStatus.NotFound ? Outcome<Initiative>.NotFound() : Outcome<Initiative>.Forbidden();
        var c = loaded.Value!;
        if (!c.MayEdit) return Outcome<Initiative>.Forbidden();
        var i = c.Initiative;
        var v = new Validation();
        await input.ApplyAsync(v, i, markdown, db, i.ProjectId, thresholdFixed: i.ReachedAt is not null, ct);
        var pledgers = (await PledgersAsync(id, ct)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var wanted = coInitiators.Where(x => !string.IsNullOrEmpty(x)).Distinct(StringComparer.Ordinal).ToList();
        var current = i.Initiators.Select(x => x.UserId).ToHashSet(StringComparer.Ordinal);
        var adding = wanted.Where(x => !current.Contains(x)).ToList();
        if (adding.Count > InitiativeLimits.MaxCoInitiators || adding.Any(x => !pledgers.Contains(x))) v.Add("CoInitiators", NotAPledger);
        if (closePledges && i.ReachedAt is null) v.Add("ClosePledges", NotReached);
        if (!v.IsValid)
        {
            db.ChangeTracker.Clear();
            return v;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        i.UpdatedAt = now;
        i.PledgesClosedAt = closePledges ? i.PledgesClosedAt ?? now : null;
        foreach (var add in adding) i.Initiators.Add(new InitiativeInitiator { UserId = add, AddedAt = now });

        IReadOnlyList<Web.Mail.MailMessage> mails = [];
        await db.InTransactionAsync(async (tx, ct) =>
        {
            await db.SaveChangesAsync(ct);
            if (i.ReachedAt is null)
            {
                await ThresholdCheck.QueueAsync(db, id, ct);
                var (counted, _) = await ThresholdCheck.CountAsync(db, id, ct);
                if (await ThresholdCheck.TryReachAsync(db, id, i.Threshold, counted, now, ct))
                {
                    mails = await notices.ReachedAsync(i, counted, ct);
                    await db.SaveChangesAsync(ct);
                }
            }
            await tx.CommitAsync(ct);
        }, ct);
        await notices.SendAsync(mails, ct);
        return Outcome<Initiative>.Ok(i);
    }
}
