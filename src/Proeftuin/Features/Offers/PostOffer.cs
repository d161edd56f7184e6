using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Offers;

/// <summary>
/// Someone signed in puts an aanbod or a vraag in a programme (or, as a member, in a project). New accounts post only
/// so many offers and messages an hour (Moderation's NewAccountLimit).
/// </summary>
public sealed class PostOffer(AppDbContext db, OfferRules rules, Caller user, Markdown markdown, Moderation.NewAccountLimit limit, TimeProvider clock)
{
    /// <summary>Where the form is: NotFound or Forbidden as posting itself would answer.</summary>
    public Task<Outcome<OfferPlace>> CanPostAsync(int? programmeId, int? projectId, CancellationToken ct = default) =>
        rules.PlaceAsync(programmeId, projectId, ct);

    public async Task<Outcome<Offer>> RunAsync(int? programmeId, int? projectId, OfferInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var place = await rules.PlaceAsync(programmeId, projectId, ct);
        if (!place.IsOk) return place.Status == OutcomeStatus.NotFound ? Outcome<Offer>.NotFound() : Outcome<Offer>.Forbidden();
        var now = clock.GetUtcNow().UtcDateTime;
        var offer = new Offer { ProgrammeId = place.Value!.ProgrammeId, ProjectId = place.Value.ProjectId, OwnerId = user.Id!, CreatedAt = now, UpdatedAt = now };
        var v = new Validation();
        input.Apply(v, offer, markdown);
        if (!v.IsValid) return v;
        if (await CheckLimitAsync(db, limit, ct) is { } tooMany) return Outcome<Offer>.Invalid([tooMany]);
        db.Add(offer);
        await db.SaveChangesAsync(ct);
        return Outcome<Offer>.Ok(offer);
    }

    /// <summary>The new-account limit over offers and messages together.</summary>
    internal static Task<FieldError?> CheckLimitAsync(AppDbContext db, Moderation.NewAccountLimit limit, CancellationToken ct) =>
        limit.CheckAsync(async (id, since) =>
            await db.Set<Offer>().CountAsync(o => o.OwnerId == id && o.CreatedAt > since, ct)
            + await db.Set<OfferMessage>().CountAsync(m => m.FromId == id && m.CreatedAt > since, ct), ct);
}
