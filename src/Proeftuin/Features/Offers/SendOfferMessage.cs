using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Offers;

/// <summary>
/// "Reageer": a private message about an offer. Someone else writes to its owner; the owner answers a person who wrote
/// first (With). Only those two read the conversation. The recipient gets a melding and a mail with a link; nobody sees
/// an e-mail address. New accounts send only so many an hour.
/// </summary>
public sealed class SendOfferMessage(AppDbContext db, OfferRules rules, OfferNotices notices, Moderation.NewAccountLimit limit, TimeProvider clock)
{
    public const string OwnOffer = "Dit is van jezelf. Je kunt antwoorden als iemand je een bericht stuurt.";

    public async Task<Outcome<OfferMessage>> RunAsync(int id, string? text, string? with, CancellationToken ct = default)
    {
        var loaded = await rules.LoadAsync(id, ct: ct);
        if (!loaded.IsOk) return Outcome<OfferMessage>.NotFound();
        var c = loaded.Value!;
        if (!c.MayTakePart) return Outcome<OfferMessage>.Forbidden();
        if (c.IsHidden) return Outcome<OfferMessage>.Invalid("Text", OfferRules.Hidden);
        var me = c.UserId!;
        var offer = c.Offer;
        string to;
        if (c.IsOwner)
        {
            // The owner answers; a conversation starts with the other person.
            if (string.IsNullOrEmpty(with) || with == me
                || !await db.Set<OfferMessage>().AnyAsync(m => m.OfferId == id && (m.FromId == with || m.ToId == with), ct))
                return Outcome<OfferMessage>.Invalid("Text", OwnOffer);
            to = with;
        }
        else
        {
            to = offer.OwnerId;
            if (c.IsClosed && !await db.Set<OfferMessage>().AnyAsync(m => m.OfferId == id && (m.FromId == me || m.ToId == me), ct))
                return Outcome<OfferMessage>.Invalid("Text", OfferRules.Closed);
        }
        var v = new Validation();
        var body = v.Text("Text", text, OfferLimits.Message, label: "het bericht");
        if (!v.IsValid) return v;
        if (await PostOffer.CheckLimitAsync(db, limit, ct) is { } tooMany) return Outcome<OfferMessage>.Invalid([tooMany]);
        var email = await db.Users.Where(u => u.Id == to).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var message = new OfferMessage { OfferId = id, FromId = me, ToId = to, Text = body, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(message);
        var mail = notices.Message(offer, to, email);
        await db.SaveChangesAsync(ct);
        await notices.SendAsync(mail, ct);
        return Outcome<OfferMessage>.Ok(message);
    }
}
