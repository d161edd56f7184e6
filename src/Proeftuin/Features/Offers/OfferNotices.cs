using Proeftuin.Data;
using Proeftuin.Features.Notifications;
using Proeftuin.Web;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Offers;

/// <summary>
/// Meldingen and mails about vraag en aanbod. Meldingen join the caller's unit of work; the mail is returned and sent
/// after saving, so a failed save mails nobody. A mail never names the sender's address: it links to the page.
/// </summary>
public sealed class OfferNotices(AppDbContext db, PublicUrl publicUrl, IMailer mailer, TimeProvider clock, ILogger<OfferNotices> logger)
{
    public const string MessageSubject = "Je hebt een bericht over vraag en aanbod";

    public static string Path(int id) => $"/vraag-en-aanbod/{id}";

    private static string Short(string title) => title.Length > 120 ? title[..120] + " …" : title;

    private static string Word(OfferDirection d) => d == OfferDirection.Offer ? "aanbod" : "vraag";

    /// <summary>Both owners hear of a suggested match (not the one who suggested it; one melding when one person owns both).</summary>
    public void Matched(Offer offer, Offer request, string? suggestedBy)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var told = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (mine, other) in new[] { (offer, request), (request, offer) })
        {
            if (mine.OwnerId == suggestedBy || !told.Add(mine.OwnerId)) continue;
            db.Notifications.Add(new Notification
            {
                UserId = mine.OwnerId,
                Text = $"Iemand denkt dat „{Short(other.Title)}” past bij je {Word(mine.Direction)} „{Short(mine.Title)}”.",
                Url = Path(mine.Id) + "#matches",
                CreatedAt = now,
            });
        }
    }

    /// <summary>The recipient of a private message gets a melding, and a mail with a link (no sender's address, no text).</summary>
    public MailMessage? Message(Offer offer, string toId, string? toEmail)
    {
        db.Notifications.Add(new Notification
        {
            UserId = toId,
            Text = $"Je hebt een nieuw bericht over „{Short(offer.Title)}”.",
            Url = Path(offer.Id) + "#gesprekken",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        if (string.IsNullOrWhiteSpace(toEmail)) return null;
        return new MailMessage(toEmail, MessageSubject,
            $"Hallo,\n\nIemand heeft je een bericht gestuurd over \"{Short(offer.Title)}\" in vraag en aanbod van Proeftuin.\n\n" +
            $"Lees het bericht en antwoord via Proeftuin (log in als dat gevraagd wordt):\n{publicUrl.Base}{Path(offer.Id)}#gesprekken\n\n" +
            "Antwoord niet op deze e-mail: je bericht gaat via Proeftuin, zodat niemand je e-mailadres ziet.\n");
    }

    public async Task SendAsync(MailMessage? mail, CancellationToken ct = default)
    {
        if (mail is null) return;
        try
        {
            await mailer.SendAsync(mail, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "An offer's mail could not be sent");
        }
    }
}
