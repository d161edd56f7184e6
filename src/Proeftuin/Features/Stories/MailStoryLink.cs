using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Stories;

/// <summary>
/// "Mail mij deze link": sends a teller without an account their private link, so it cannot be lost. The address is
/// used once and not stored, unless the teller asks for updates about their story (then it is kept, as when sharing
/// with "stuur een e-mail"). Only who holds the key can ask: the key is checked against the story first.
/// </summary>
public sealed class MailStoryLink(AppDbContext db, IMailer mailer, PublicUrl publicUrl, ILogger<MailStoryLink> logger)
{
    public async Task<Outcome<string>> RunAsync(int storyId, string? key, string? email, bool wantsUpdates, CancellationToken ct = default)
    {
        var story = await db.Stories.FirstOrDefaultAsync(s => s.Id == storyId, ct);
        if (story is null || story.IsWithdrawn || !StoryConsent.KeyMatches(story, key)) return Outcome<string>.NotFound();
        var v = new Validation();
        var address = StoryFields.Email(v, email, "Email");
        if (v.IsValid && address is null) v.Add("Email", "Vul je e-mailadres in.");
        if (!v.IsValid) return v;
        if (wantsUpdates)
        {
            story.TellerEmail = address;
            story.NotifyByEmail = true;
            await db.SaveChangesAsync(ct);
        }
        if (!await SendAsync(story, key!, address!, ct))
            return Outcome<string>.Invalid("Email", "De e-mail kon nu niet worden verstuurd. Probeer het later nog eens, of schrijf de link over.");
        return Outcome<string>.Ok(address!);
    }

    /// <summary>The address that opens the story with its key: the short one for a code from a slip.</summary>
    public string UrlFor(int storyId, string key) =>
        publicUrl.Base + (StoryKeys.LooksShort(key) ? StoryKeys.ShortPath(key) : $"/verhalen/{storyId}?sleutel={key}");

    /// <summary>Sends the link; false (and logged) when the mail server refuses, so the caller can say so.</summary>
    public async Task<bool> SendAsync(Story story, string key, string address, CancellationToken ct = default)
    {
        var project = await db.Projects.Where(p => p.Id == story.ProjectId).Select(p => p.Title).FirstAsync(ct);
        var recorded = story.RecordedById is not null;
        var body =
            "Hallo,\n\n" +
            (recorded
                ? $"Je hebt je verhaal verteld voor het project \"{project}\" in Proeftuin, en iemand van het project heeft het voor je opgeschreven. Dank je wel!\n\n"
                : $"Je hebt een verhaal gedeeld in het project \"{project}\" in Proeftuin. Dank je wel!\n\n") +
            "Dit is je eigen link. Hiermee kun je je verhaal teruglezen, zien wat ermee gebeurt, kiezen wie het mag lezen, of het intrekken:\n" +
            UrlFor(story.Id, key) + "\n\n" +
            (StoryKeys.LooksShort(key) ? $"Je code is: {key}\n\n" : "") +
            "Deel deze link niet: iedereen met de link kan je verhaal lezen en intrekken.\n" +
            "Heb je hier niet om gevraagd? Dan kun je deze e-mail weggooien.\n";
        try
        {
            await mailer.SendAsync(new MailMessage(address, "Je eigen link bij je verhaal", body), ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "A storyteller's private link could not be mailed");
            return false;
        }
    }
}
