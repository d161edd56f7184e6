using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>A recorded story with its teller's short code (for the slip), and whether the link was mailed.</summary>
public sealed record RecordedStory(Story Story, string Key, string? MailedTo, bool MailFailed);

/// <summary>The slip of a recorded story: who it is for and the key to print, shown once.</summary>
public sealed record SlipTarget(int StoryId, int ProjectId, string ProjectTitle, string? Title, bool Recorded);

/// <summary>
/// Opgetekend door: a facilitator writes down a resident's story at the kitchen table. The resident has no
/// account here; the facilitator confirms their consent, which is recorded with who and when. The teller gets their
/// own private key, like a teller who shares through the link: a short code on a printed slip (and by e-mail when
/// they gave an address), to read, follow, narrow or withdraw their story later without the facilitator.
/// </summary>
public sealed class RecordStory(AppDbContext db, ProjectAccess access, Caller user, TimeProvider clock, MailStoryLink mail)
{
    public async Task<Outcome<StoryFormContext>> FormAsync(int projectId, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<StoryFormContext>.NotFound();
        if (!permissions.CanManage) return Outcome<StoryFormContext>.Forbidden();
        // The teller is usually a resident: experiential knowledge, unless the facilitator picks otherwise.
        return Outcome<StoryFormContext>.Ok(await ShareStory.ContextAsync(db, projectId, Perspective.Experience, permissions, ct));
    }

    public async Task<Outcome<RecordedStory>> RecordAsync(int projectId, StoryInput input, bool consentConfirmed, CancellationToken ct = default)
    {
        var form = await FormAsync(projectId, ct);
        if (!form.IsOk) return form.Status == OutcomeStatus.NotFound ? Outcome<RecordedStory>.NotFound() : Outcome<RecordedStory>.Forbidden();
        var now = clock.GetUtcNow().UtcDateTime;
        var key = StoryKeys.NewShort();
        var story = new Story
        {
            AuthorId = user.Id,
            RecordedById = user.Id,
            ConsentById = user.Id,
            ConsentAt = now,
            CreatedAt = now,
            UpdatedAt = now,
            Phase = form.Value!.Phase,
            TellerKeyHash = StoryKeys.Hash(key),
        };
        var v = await StoryFields.ApplyAsync(db, story, projectId, input, Perspective.Experience, allowEmail: true, ct);
        // An address without "stuur een e-mail" is used once, for the link, and not kept.
        var mailTo = input.NotifyByEmail ? story.TellerEmail : StoryFields.Email(v, input.TellerEmail);
        if (!consentConfirmed) v.Add("ConsentConfirmed", "Vraag eerst toestemming aan de verteller, en vink dan aan dat je die hebt gekregen.");
        if (!v.IsValid) return v;
        db.Stories.Add(story);
        await db.SaveChangesAsync(ct);
        var failed = mailTo is not null && !await mail.SendAsync(story, key, mailTo, ct);
        return Outcome<RecordedStory>.Ok(new RecordedStory(story, key, failed ? null : mailTo, failed));
    }

    /// <summary>
    /// Who may make a new slip: a facilitator who may read the recorded story. A slip is lost, or was never printed:
    /// the new key replaces the old one (which then stops working), and the change is dated in the consent history,
    /// so the teller and the team see it happened and by whom.
    /// </summary>
    public async Task<Outcome<SlipTarget>> SlipAsync(int storyId, CancellationToken ct = default)
    {
        var story = await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storyId, ct);
        var refused = await CheckSlipAsync(story, ct);
        if (refused is not null) return refused;
        var title = await db.Projects.Where(p => p.Id == story!.ProjectId).Select(p => p.Title).FirstAsync(ct);
        return Outcome<SlipTarget>.Ok(new SlipTarget(story!.Id, story.ProjectId, title, story.Title, true));
    }

    public async Task<Outcome<string>> NewKeyAsync(int storyId, CancellationToken ct = default)
    {
        var story = await db.Stories.FirstOrDefaultAsync(s => s.Id == storyId, ct);
        var refused = await CheckSlipAsync(story, ct);
        if (refused is not null) return refused.Status == OutcomeStatus.NotFound ? Outcome<string>.NotFound() : Outcome<string>.Forbidden();
        var key = StoryKeys.NewShort();
        var now = clock.GetUtcNow().UtcDateTime;
        // Only while not withdrawn: a withdrawal in between keeps its erased key.
        var saved = await db.Stories.Where(s => s.Id == storyId && s.WithdrawnAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.TellerKeyHash, StoryKeys.Hash(key)).SetProperty(s => s.UpdatedAt, now), ct);
        if (saved == 0) return Outcome<string>.NotFound();
        db.StoryConsentChanges.Add(new StoryConsentChange { StoryId = storyId, At = now, Kind = ConsentChangeKind.NewKey, ByTeller = false, ById = user.Id });
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(key);
    }

    private async Task<Outcome<SlipTarget>?> CheckSlipAsync(Story? story, CancellationToken ct)
    {
        if (story is null || story.IsWithdrawn) return Outcome<SlipTarget>.NotFound();
        var permissions = await access.ForProjectAsync(story.ProjectId, ct);
        var mayRead = permissions is not null && permissions.CanRead(story);
        if (!mayRead) return Outcome<SlipTarget>.NotFound();
        // Only stories written down on someone's behalf have a slip; a teller with an account has no key to lose.
        if (!permissions!.CanManage || story.RecordedById is null) return Outcome<SlipTarget>.Forbidden();
        return null;
    }
}
