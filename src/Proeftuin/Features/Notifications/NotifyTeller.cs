using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Web;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Notifications;

/// <summary>
/// Tells a storyteller their story fed something new: a melding in the app for a teller with an account, and an
/// e-mail when they asked for one. Never for a withdrawn story, and never with the story's text.
/// </summary>
public sealed class NotifyTeller(AppDbContext db, PublicUrl publicUrl, IMailer mailer, CurrentUser user, TimeProvider clock, ILogger<NotifyTeller> logger)
{
    public static string OutcomePath(int storyId) => $"/verhalen/{storyId}/wat-is-ermee-gebeurd";

    /// <summary>
    /// Adds the melding to the unit of work (saved with the link) and returns the mail to send once it is saved.
    /// Nobody is told about a link they made themselves.
    /// </summary>
    public async Task<IReadOnlyList<MailMessage>> LinkedAsync(Story story, ThreadItem fed, CancellationToken ct = default)
    {
        if (story.IsWithdrawn) return [];
        if (story.TellerId is not null && story.TellerId == user.Id) return [];
        // Never another story's title: its teller may have shared it with the team only.
        var what = fed is Story ? "een ander ervaringsverhaal" : $"{fed.Kind.Label().ToLowerInvariant()} „{fed.Title}”";
        var path = OutcomePath(story.Id);
        if (story.TellerId is not null)
        {
            var text = $"Je verhaal is verbonden met {what}.";
            db.Notifications.Add(new Notification
            {
                UserId = story.TellerId,
                Text = text.Length > 500 ? text[..499] + "…" : text,
                Url = path,
                StoryId = story.Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
        if (!story.NotifyByEmail) return [];
        var address = story.TellerId is not null
            ? await db.Users.Where(u => u.Id == story.TellerId).Select(u => u.Email).FirstOrDefaultAsync(ct)
            : story.TellerEmail;
        if (string.IsNullOrWhiteSpace(address)) return [];
        var project = await db.Projects.Where(p => p.Id == story.ProjectId).Select(p => p.Title).FirstAsync(ct);
        var url = publicUrl.Base + path;
        // A teller without an account holds a private key we only know the hash of: the mail cannot carry it.
        var how = story.TellerId is not null
            ? $"Bekijk wat er met je verhaal is gebeurd (log in als dat gevraagd wordt):\n{url}"
            : "Open je persoonlijke link (die kreeg je toen je je verhaal deelde: op het scherm, in een e-mail of op een briefje) en kies daar \"Wat is er met mijn verhaal gebeurd?\". " +
              "Om je verhaal te beschermen staat die link niet in deze e-mail.";
        return
        [
            new MailMessage(address, "Er is iets gebeurd met je verhaal",
                $"Hallo,\n\nJe hebt een verhaal gedeeld in het project \"{project}\" in Proeftuin. Dank je wel!\n\n" +
                $"Het projectteam heeft je verhaal nu verbonden met {what}.\n\n{how}\n\n" +
                "Je krijgt deze e-mail omdat je hebt gevraagd om bericht als er iets met je verhaal gebeurt.\n"),
        ];
    }

    /// <summary>After saving: a mail that fails is logged; the link and the melding stand.</summary>
    public async Task SendAsync(IEnumerable<MailMessage> mails, CancellationToken ct = default)
    {
        foreach (var mail in mails)
        {
            try
            {
                await mailer.SendAsync(mail, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A storyteller's notification could not be mailed");
            }
        }
    }
}
