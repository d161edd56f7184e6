using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Offers;

/// <summary>The owner (or an admin) changes an offer, marks it "geregeld" or opens it again.</summary>
public sealed class EditOffer(AppDbContext db, OfferRules rules, Markdown markdown, TimeProvider clock)
{
    public async Task<Outcome<OfferContext>> CanEditAsync(int id, CancellationToken ct = default)
    {
        var loaded = await rules.LoadAsync(id, ct: ct);
        if (!loaded.IsOk) return loaded;
        var c = loaded.Value!;
        // Hidden by moderation: only who may moderate knows it is there, so the owner is refused, not shown the text.
        if (!c.MayReadContent) return Outcome<OfferContext>.Forbidden();
        return c.MayEdit ? loaded : Outcome<OfferContext>.Forbidden();
    }

    public async Task<Outcome<Offer>> RunAsync(int id, OfferInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var loaded = await Tracked(id, ct);
        if (!loaded.IsOk) return Fail(loaded);
        var offer = loaded.Value!.Offer;
        var v = new Validation();
        var direction = offer.Direction;
        input.Apply(v, offer, markdown);
        // Its matches pair an aanbod with a vraag: once matched, it stays what it is.
        if (v.IsValid && offer.Direction != direction && await HasMatchesAsync(id, ct))
            v.Add("Direction", "Er zijn al matches voorgesteld. Je kunt aanbod niet meer veranderen in vraag, of andersom.");
        if (!v.IsValid)
        {
            db.ChangeTracker.Clear();
            return v;
        }
        offer.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<Offer>.Ok(offer);
    }

    /// <summary>"Geregeld" (closed) or open again.</summary>
    public async Task<Outcome<Offer>> CloseAsync(int id, bool close, CancellationToken ct = default)
    {
        var loaded = await Tracked(id, ct);
        if (!loaded.IsOk) return Fail(loaded);
        var offer = loaded.Value!.Offer;
        var now = clock.GetUtcNow().UtcDateTime;
        offer.ClosedAt = close ? offer.ClosedAt ?? now : null;
        offer.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return Outcome<Offer>.Ok(offer);
    }

    private async Task<Outcome<OfferContext>> Tracked(int id, CancellationToken ct)
    {
        var loaded = await rules.LoadAsync(id, tracked: true, ct);
        if (!loaded.IsOk) return loaded;
        var c = loaded.Value!;
        return c.MayReadContent && c.MayEdit ? loaded : Outcome<OfferContext>.Forbidden();
    }

    private static Outcome<Offer> Fail(Outcome<OfferContext> o) => o.Status == OutcomeStatus.NotFound ? Outcome<Offer>.NotFound() : Outcome<Offer>.Forbidden();

    private Task<bool> HasMatchesAsync(int id, CancellationToken ct) =>
        db.Set<OfferMatch>().AnyAsync(m => m.OfferId == id || m.RequestId == id, ct);
}
