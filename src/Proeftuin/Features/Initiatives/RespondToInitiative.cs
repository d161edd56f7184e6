using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>
/// A facilitator (or the municipality, as admin) responds: a status and the reasons. The response joins the history,
/// the initiators get a melding and a mail, and the audit log keeps that a response was given (the statuses, never the
/// reasons). Saved in one transaction; the status only moves from the one the facilitator read.
/// </summary>
public sealed class RespondToInitiative(AppDbContext db, InitiativeRules rules, Caller user, Markdown markdown, AuditLog audit, InitiativeNotices notices, TimeProvider clock,
    Follows.FollowNews news)
{
    public const string ChangedMeanwhile = "Iemand anders heeft net gereageerd. Bekijk het initiatief opnieuw en probeer het nog eens.";

    public async Task<Outcome<InitiativeContext>> CanRespondAsync(int id, CancellationToken ct = default)
    {
        var loaded = await rules.LoadAsync(id, ct: ct);
        if (!loaded.IsOk) return loaded;
        return loaded.Value!.MayRespond ? loaded : Outcome<InitiativeContext>.Forbidden();
    }

    public async Task<Outcome<InitiativeResponse>> RunAsync(int id, InitiativeStatus? status, string? reasons, CancellationToken ct = default)
    {
        var loaded = await CanRespondAsync(id, ct);
        if (!loaded.IsOk) return loaded.Status == OutcomeStatus.NotFound ? Outcome<InitiativeResponse>.NotFound() : Outcome<InitiativeResponse>.Forbidden();
        var i = loaded.Value!.Initiative;
        var v = new Validation();
        if (status is not { } to || !Enum.IsDefined(to)) v.Add("Status", "Kies een status uit de lijst.");
        var text = v.Text("Reasons", reasons, InitiativeLimits.Reasons, label: "de redenen");
        if (!v.IsValid) return v;

        var now = clock.GetUtcNow().UtcDateTime;
        var from = i.Status;
        var response = new InitiativeResponse { InitiativeId = id, Status = status!.Value, Reasons = text, ReasonsHtml = markdown.ToSafeHtml(text), ByUserId = user.Id, At = now };
        IReadOnlyList<Web.Mail.MailMessage> mails = [];
        var refusal = await db.InTransactionAsync(async (tx, ct) =>
        {
            if (await db.Set<Initiative>().Where(x => x.Id == id && x.Status == from)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, response.Status), ct) == 0)
                return Outcome<InitiativeResponse>.Invalid("Status", ChangedMeanwhile);
            db.Add(response);
            mails = await notices.RespondedAsync(i, response.Status, user.Id, ct);
            audit.Add(AuditAction.InitiativeResponded, i.ProjectId, AuditSubjects.Initiative, id.ToString(CultureInfo.InvariantCulture),
                detail: $"Status: {from.Label()} → {response.Status.Label()}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }, ct);
        if (refusal is not null) return refusal;
        await notices.SendAsync(mails, ct);
        var initiators = await db.Set<InitiativeInitiator>().AsNoTracking().Where(x => x.InitiativeId == id).Select(x => x.UserId).ToListAsync(ct);
        await news.TellAsync([new Follows.NewsPlace(Follows.FollowTopic.Initiative, id, i.Title)], i.ProjectId,
            new Follows.NewsLine($"Reactie op het initiatief „{Follows.FollowNews.Cut(i.Title, 120)}”: {response.Status.Label().ToLowerInvariant()}", InitiativeNotices.Path(id) + "#reacties",
                "initiatief", id), initiators, ct);
        return Outcome<InitiativeResponse>.Ok(response);
    }
}
