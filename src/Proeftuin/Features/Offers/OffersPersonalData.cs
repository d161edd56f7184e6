using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Offers;

/// <summary>
/// A person's aanbod and vragen, the matches they suggested and their private messages, sent and received. On erasure
/// their offers go (with the conversations and matches on them), and so do the messages they sent; a message they
/// received stays with its sender, without the recipient; a match they suggested stays without their name.
/// </summary>
public sealed class OffersPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 30;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(Offer), nameof(Offer.OwnerId), "verwijderd, met de gesprekken en matches erbij"),
        new(typeof(OfferMatch), nameof(OfferMatch.SuggestedById), "leeggemaakt; de match blijft"),
        new(typeof(OfferMessage), nameof(OfferMessage.FromId), "verwijderd"),
        new(typeof(OfferMessage), nameof(OfferMessage.ToId), "leeggemaakt; het bericht blijft bij wie het stuurde"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var id = person.UserId;
        var offers = await db.Set<Offer>().AsNoTracking().Where(o => o.OwnerId == id).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).ToListAsync(ct);
        var matches = await db.Set<OfferMatch>().AsNoTracking().Where(m => m.SuggestedById == id).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var messages = await db.Set<OfferMessage>().AsNoTracking().Where(m => m.FromId == id || m.ToId == id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        rows.AddRange(offers.Select(o => Row.Of(("Soort", o.Direction == OfferDirection.Offer ? "Je aanbod" : "Je vraag"), ("Nummer", o.Id), ("Wat", o.Category.Label()),
            ("Titel", o.Title), ("Beschrijving", o.Text), ("Plek", o.Place), ("Geplaatst op", o.CreatedAt), ("Geregeld op", o.ClosedAt))));
        rows.AddRange(matches.Select(m => Row.Of(("Soort", "Een match die je voorstelde"), ("Aanbod", m.OfferId), ("Vraag", m.RequestId), ("Op", m.CreatedAt))));
        rows.AddRange(messages.Select(m => Row.Of(("Soort", m.FromId == id ? "Een bericht dat je stuurde" : "Een bericht dat je kreeg"), ("Over nummer", m.OfferId),
            ("Bericht", m.Text), ("Op", m.CreatedAt), ("Gelezen op", m.ReadAt))));
        return new PersonalDataSection("vraag-en-aanbod", "Vraag en aanbod",
            "Wat je aanbiedt of zoekt, de matches die je voorstelde, en je berichten over vraag en aanbod (verstuurd en ontvangen).", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        var own = db.Set<Offer>().Where(o => o.OwnerId == id).Select(o => o.Id);
        // Explicit, not left to the cascade: both ends of a match and every message on the person's offers go with them.
        await db.Set<OfferMatch>().Where(m => own.Contains(m.OfferId) || own.Contains(m.RequestId)).ExecuteDeleteAsync(ct);
        await db.Set<OfferMessage>().Where(m => own.Contains(m.OfferId) || m.FromId == id).ExecuteDeleteAsync(ct);
        await db.Set<Offer>().Where(o => o.OwnerId == id).ExecuteDeleteAsync(ct);
        await db.Set<OfferMessage>().Where(m => m.ToId == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.ToId, (string?)null), ct);
        await db.Set<OfferMatch>().Where(m => m.SuggestedById == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.SuggestedById, (string?)null), ct);
    }
}
