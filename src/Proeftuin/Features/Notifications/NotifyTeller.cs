using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Web;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Notifications;

/// <summary>A mail about a story, sent only after the link is saved and only if the story was not withdrawn meanwhile.</summary>
public sealed record TellerMail(int StoryId, MailMessage Message);

/// <summary>
/// Tells a storyteller their story fed something new: a melding in the app for a teller with an account, and an
/// e-mail when they asked for one. Directly ("Je verhaal is verbonden met …") and further down the chain: when
/// something new comes out of an item their story fed ("…en daaruit kwam dit idee"), along the same direction as
/// the trace (<see cref="LinkFlow"/>). Never for a withdrawn story, and never with the story's text.
/// </summary>
public sealed class NotifyTeller(AppDbContext db, PublicUrl publicUrl, IMailer mailer, Caller user, TimeProvider clock, ILogger<NotifyTeller> logger)
{
    public static string OutcomePath(int storyId) => $"/verhalen/{storyId}/wat-is-ermee-gebeurd";

    /// <summary>The melding when an idea came out of something a story fed; the teller's own story is named, as they may have told more.</summary>
    public static string IdeaText(string ideaTitle, string? storyTitle) => $"Uit je verhaal{Named(storyTitle)} is een nieuw idee voortgekomen: „{ideaTitle}”.";

    /// <summary>
    /// The melding when something came out of what a story fed, in plain words for the stages a teller waits for
    /// (idee, prototype, proef, besluit); any other kind gets the general sentence.
    /// </summary>
    public static string OutcomeText(ItemKind kind, string title, string? storyTitle) => kind switch
    {
        ItemKind.Idea => IdeaText(title, storyTitle),
        ItemKind.Prototype => $"Uit je verhaal{Named(storyTitle)} is een prototype gemaakt: „{title}”. Dat is een eerste versie om uit te proberen.",
        ItemKind.Experiment => $"Wat uit je verhaal{Named(storyTitle)} voortkwam, wordt nu in de praktijk getest: de proef „{title}”.",
        ItemKind.Decision => $"Het team heeft een besluit genomen over een proef die uit je verhaal{Named(storyTitle)} voortkwam: „{title}”.",
        _ => $"Uit je verhaal{Named(storyTitle)} is iets nieuws voortgekomen: {kind.Label().ToLowerInvariant()} „{title}”.",
    };

    private static string Named(string? storyTitle) => string.IsNullOrWhiteSpace(storyTitle) ? "" : $" „{storyTitle}”";

    /// <summary>
    /// For a link about to be saved, with its ends as <see cref="LinkFlow.Ends"/> gives them (<paramref name="outcome"/>
    /// may be new, without an id yet). Adds the meldingen to the unit of work (saved with the link) and returns the
    /// mails to send once it is saved. A story hears of an outcome once: not again when it already led there.
    /// Nobody is told about a link they made themselves.
    /// </summary>
    public Task<IReadOnlyList<TellerMail>> LinkedAsync(ThreadItem origin, ThreadItem outcome, CancellationToken ct = default) =>
        LinkedAsync([origin], outcome, ct);

    /// <summary>
    /// The same for an outcome made from several origins at once (a prototype from two ideas): a story behind more
    /// than one of them still hears of the outcome once.
    /// </summary>
    public async Task<IReadOnlyList<TellerMail>> LinkedAsync(IReadOnlyCollection<ThreadItem> origins, ThreadItem outcome, CancellationToken ct = default)
    {
        var mails = new List<TellerMail>();
        if (origins.Count == 0) return mails;
        var told = new HashSet<int>();
        // Directly: a story at either end of the link.
        foreach (var origin in origins)
            if (origin is Story a && told.Add(a.Id) && await ToldAsync(a, outcome, direct: true, ct) is { } m1) mails.Add(m1);
        if (outcome is Story b)
        {
            foreach (var origin in origins)
                if (await ToldAsync(b, origin, direct: true, ct) is { } m2) mails.Add(m2);
            // Another story is never "what came of" yours (its teller may have shared it with the team only).
            return mails;
        }
        // Further down: every story an origin came from, that did not already lead to the outcome.
        // One walk against the flow for the origins and a saved outcome together (one query per level, not two walks).
        var originIds = origins.Select(o => o.Id).ToList();
        var walks = await ThreadGraph.WalkAsync(db, outcome.Id > 0 ? [.. originIds, outcome.Id] : originIds, forward: false, ct);
        var upstream = new HashSet<int>();
        foreach (var id in originIds) upstream.UnionWith(walks[id].Select(s => s.Id));
        if (outcome.Id > 0) upstream.ExceptWith([outcome.Id, .. walks[outcome.Id].Select(s => s.Id)]);
        upstream.ExceptWith(told);
        if (upstream.Count == 0) return mails;
        var stories = await db.Stories.Where(s => upstream.Contains(s.Id) && s.WithdrawnAt == null).OrderBy(s => s.Id).ToListAsync(ct);
        foreach (var story in stories)
            if (await ToldAsync(story, outcome, direct: false, ct) is { } m) mails.Add(m);
        return mails;
    }

    /// <summary>After saving: mails about stories withdrawn in the meantime are dropped; a mail that fails is logged, the link and the melding stand.</summary>
    public async Task SendAsync(IReadOnlyList<TellerMail> mails, CancellationToken ct = default)
    {
        if (mails.Count == 0) return;
        var ids = mails.Select(m => m.StoryId).Distinct().ToList();
        List<int> withdrawn;
        try
        {
            withdrawn = await db.Stories.AsNoTracking().Where(s => ids.Contains(s.Id) && s.WithdrawnAt != null).Select(s => s.Id).ToListAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Called after the commit: the link and the meldingen stand; without knowing who withdrew, no mail goes out.
            logger.LogWarning(e, "Storytellers' notifications were not mailed: the check for withdrawn stories failed");
            return;
        }
        foreach (var mail in mails.Where(m => !withdrawn.Contains(m.StoryId)))
        {
            try
            {
                await mailer.SendAsync(mail.Message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A storyteller's notification could not be mailed");
            }
        }
    }

    private readonly Dictionary<int, string> projectTitles = [];

    /// <summary>Read once: a link down a long chain may tell many tellers of the same project.</summary>
    private async Task<string> ProjectTitleAsync(int projectId, CancellationToken ct)
    {
        if (!projectTitles.TryGetValue(projectId, out var title))
            projectTitles[projectId] = title = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).FirstAsync(ct);
        return title;
    }

    /// <summary>"idee „Een open huis op zondag”"; never another story's title.</summary>
    private static string What(ThreadItem item) =>
        item is Story ? "een ander ervaringsverhaal" : $"{item.Kind.Label().ToLowerInvariant()} „{item.Title}”";

    /// <summary>The melding (added to the unit of work) and the mail to send, for one story. <paramref name="fed"/> is already added to the unit of work, so its kind is set.</summary>
    private async Task<TellerMail?> ToldAsync(Story story, ThreadItem fed, bool direct, CancellationToken ct)
    {
        if (story.IsWithdrawn) return null;
        if (story.TellerId is not null && story.TellerId == user.Id) return null;
        var what = What(fed);
        var path = OutcomePath(story.Id);
        if (story.TellerId is not null)
        {
            var text = direct ? $"Je verhaal is verbonden met {what}." : OutcomeText(fed.Kind, fed.Title, story.Title);
            db.Notifications.Add(new Notification
            {
                UserId = story.TellerId,
                Text = text.Length > 500 ? text[..499] + "…" : text,
                Url = path,
                StoryId = story.Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
        if (!story.NotifyByEmail) return null;
        var address = story.TellerId is not null
            ? await db.Users.Where(u => u.Id == story.TellerId).Select(u => u.Email).FirstOrDefaultAsync(ct)
            : story.TellerEmail;
        if (string.IsNullOrWhiteSpace(address)) return null;
        var project = await ProjectTitleAsync(story.ProjectId, ct);
        var url = publicUrl.Base + path;
        // A teller without an account holds a private key we only know the hash of: the mail cannot carry it.
        var how = story.TellerId is not null
            ? $"Bekijk wat er met je verhaal is gebeurd (log in als dat gevraagd wordt):\n{url}"
            : "Open je persoonlijke link (die kreeg je toen je je verhaal deelde: op het scherm, in een e-mail of op een briefje) en kies daar \"Wat is er met mijn verhaal gebeurd?\". " +
              "Om je verhaal te beschermen staat die link niet in deze e-mail.";
        var happened = direct
            ? $"Het projectteam heeft je verhaal nu verbonden met {what}."
            : $"Het projectteam heeft je verhaal eerder gebruikt. Daar is nu iets nieuws uit voortgekomen: {what}.";
        return new TellerMail(story.Id, new MailMessage(address, "Er is iets gebeurd met je verhaal",
            $"Hallo,\n\nJe hebt een verhaal gedeeld in het project \"{project}\" in Proeftuin. Dank je wel!\n\n" +
            $"{happened}\n\n{how}\n\n" +
            "Je krijgt deze e-mail omdat je hebt gevraagd om bericht als er iets met je verhaal gebeurt.\n"));
    }
}
