using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>
/// Opgetekend door: a facilitator writes down a resident's story at the kitchen table. The resident has no
/// account here; the facilitator confirms their consent, which is recorded with who and when.
/// </summary>
public sealed class RecordStory(AppDbContext db, ProjectAccess access, CurrentUser user, TimeProvider clock)
{
    public async Task<Outcome<StoryFormContext>> FormAsync(int projectId, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<StoryFormContext>.NotFound();
        if (!permissions.CanManage) return Outcome<StoryFormContext>.Forbidden();
        // The teller is usually a resident: experiential knowledge, unless the facilitator picks otherwise.
        return Outcome<StoryFormContext>.Ok(await ShareStory.ContextAsync(db, projectId, Perspective.Experience, permissions, ct));
    }

    public async Task<Outcome<Story>> RecordAsync(int projectId, StoryInput input, bool consentConfirmed, CancellationToken ct = default)
    {
        var form = await FormAsync(projectId, ct);
        if (!form.IsOk) return form.Status == OutcomeStatus.NotFound ? Outcome<Story>.NotFound() : Outcome<Story>.Forbidden();
        var now = clock.GetUtcNow().UtcDateTime;
        var story = new Story
        {
            AuthorId = user.Id,
            RecordedById = user.Id,
            ConsentById = user.Id,
            ConsentAt = now,
            CreatedAt = now,
            UpdatedAt = now,
            Phase = form.Value!.Phase,
        };
        var v = await StoryFields.ApplyAsync(db, story, projectId, input, Perspective.Experience, allowEmail: true, ct);
        if (!consentConfirmed) v.Add("ConsentConfirmed", "Vraag eerst toestemming aan de verteller, en vink dan aan dat je die hebt gekregen.");
        if (!v.IsValid) return v;
        db.Stories.Add(story);
        await db.SaveChangesAsync(ct);
        return Outcome<Story>.Ok(story);
    }
}
