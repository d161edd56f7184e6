using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Offers;

/// <summary>A choice for the "Past bij…" form.</summary>
public sealed record MatchCandidate(int Id, string Title, OfferCategory Category);

/// <summary>
/// "Dit aanbod past bij deze vraag": anyone signed in who may read and take part in both (not observers) pairs an aanbod
/// with a vraag of the same programme, once per pair. Both owners get a melding.
/// </summary>
public sealed class SuggestMatch(AppDbContext db, OfferRules rules, Caller user, OfferNotices notices, TimeProvider clock)
{
    public const string Choose = "Kies uit de lijst wat erbij past.";
    public const string Itself = "Iets past niet bij zichzelf. Kies een ander aanbod of een andere vraag.";
    public const string SameDirection = "Een aanbod past bij een vraag. Kies bij een aanbod een vraag, en bij een vraag een aanbod.";
    public const string OtherProgramme = "Kies iets uit hetzelfde programma.";
    public const string AlreadyClosed = "Dit is al geregeld. Kies iets dat nog open staat.";
    public const string Already = "Deze match is al voorgesteld.";
    public const int MaxCandidates = 100;

    /// <summary>Open, readable offers of the other direction in the same programme that are not matched with it yet.</summary>
    public async Task<IReadOnlyList<MatchCandidate>> CandidatesAsync(Offer offer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var id = offer.Id;
        var other = offer.Direction.Other();
        var matched = db.Set<OfferMatch>().Where(m => m.OfferId == id || m.RequestId == id).Select(m => m.OfferId == id ? m.RequestId : m.OfferId);
        return await rules.Readable()
            .Where(o => o.ProgrammeId == offer.ProgrammeId && o.Direction == other && o.ClosedAt == null && o.Id != id && !matched.Contains(o.Id))
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(MaxCandidates)
            .Select(o => new MatchCandidate(o.Id, o.Title, o.Category)).ToListAsync(ct);
    }

    public async Task<Outcome<OfferMatch>> RunAsync(int id, int? otherId, CancellationToken ct = default)
    {
        var loaded = await rules.LoadAsync(id, ct: ct);
        if (!loaded.IsOk) return Outcome<OfferMatch>.NotFound();
        var c = loaded.Value!;
        if (!c.MayTakePart) return Outcome<OfferMatch>.Forbidden();
        if (c.IsHidden) return Outcome<OfferMatch>.Invalid("Other", OfferRules.Hidden);
        if (otherId is not { } oid || oid <= 0) return Outcome<OfferMatch>.Invalid("Other", Choose);
        if (oid == id) return Outcome<OfferMatch>.Invalid("Other", Itself);
        var theOther = await rules.LoadAsync(oid, ct: ct);
        if (!theOther.IsOk || theOther.Value!.IsHidden || !theOther.Value.MayTakePart) return Outcome<OfferMatch>.Invalid("Other", Choose);
        var a = c.Offer;
        var b = theOther.Value.Offer;
        if (a.ProgrammeId != b.ProgrammeId) return Outcome<OfferMatch>.Invalid("Other", OtherProgramme);
        if (a.Direction == b.Direction) return Outcome<OfferMatch>.Invalid("Other", SameDirection);
        if (a.ClosedAt is not null || b.ClosedAt is not null) return Outcome<OfferMatch>.Invalid("Other", AlreadyClosed);
        var (offer, request) = a.Direction == OfferDirection.Offer ? (a, b) : (b, a);
        if (await db.Set<OfferMatch>().AnyAsync(m => m.OfferId == offer.Id && m.RequestId == request.Id, ct)) return Outcome<OfferMatch>.Invalid("Other", Already);
        var match = new OfferMatch { OfferId = offer.Id, RequestId = request.Id, SuggestedById = user.Id, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(match);
        notices.Matched(offer, request, user.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone suggested the same pair a moment ago: the unique index keeps one.
            db.ChangeTracker.Clear();
            return Outcome<OfferMatch>.Invalid("Other", Already);
        }
        return Outcome<OfferMatch>.Ok(match);
    }
}
