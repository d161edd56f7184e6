using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Moderation;
using Proeftuin.Features.Audit;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>What the withdraw page shows. AlreadyWithdrawn: nothing left to do (and nothing left to show).</summary>
public sealed record WithdrawTarget(int StoryId, int ProjectId, string? Title, string? PromptText, bool MaySpeakFor, bool AlreadyWithdrawn);

/// <summary>
/// Withdrawal by the teller (account or private key), the facilitator who recorded it, or a facilitator on the
/// teller's request. The story often holds health or money matters, so this erases rather than hides: text,
/// signification and personal details go, with its notifications and comments, in one SaveChanges. The row
/// and its links stay, shown as "ingetrokken verhaal", so the thread does not silently break.
/// </summary>
public sealed class WithdrawStory(AppDbContext db, ProjectAccess access, Caller user, TimeProvider clock, AuditLog audit)
{
    public async Task<Outcome<WithdrawTarget>> LoadAsync(int storyId, CancellationToken ct = default)
    {
        var story = await db.Stories.WithHidden().AsNoTracking().Include(s => s.Prompt).FirstOrDefaultAsync(s => s.Id == storyId, ct);
        return await CheckAsync(story, ct);
    }

    public async Task<Outcome<WithdrawTarget>> RunAsync(int storyId, bool requestedByTeller, CancellationToken ct = default)
    {
        var story = await db.Stories.WithHidden().Include(s => s.Prompt).FirstOrDefaultAsync(s => s.Id == storyId, ct);
        var checkedTarget = await CheckAsync(story, ct);
        if (!checkedTarget.IsOk || checkedTarget.Value!.AlreadyWithdrawn) return checkedTarget;
        var target = checkedTarget.Value;
        if (!target.MaySpeakFor && !requestedByTeller)
            return Outcome<WithdrawTarget>.Invalid("RequestedByTeller", "Vink aan dat de verteller heeft gevraagd om het verhaal in te trekken.");

        await db.InTransactionAsync(async (tx, ct) =>
        {
            // Not the teller's account as subject: the withdrawal erases who told it, so the log does not keep that link.
            audit.Add(AuditAction.StoryWithdrawn, story!.ProjectId, AuditSubjects.Story, storyId.ToString(), detail: target.MaySpeakFor ? "Door de verteller" : "Op verzoek van de verteller", actorKind: !user.IsSignedIn ? ActorKinds.KeyHolder : target.MaySpeakFor ? ActorKinds.Teller : null);
            Erase(story!, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            // Deleted after WithdrawnAt is saved (new comments are refused from then on), so one added meanwhile goes too.
            await db.Notifications.Where(n => n.StoryId == storyId).ExecuteDeleteAsync(ct);
            await db.Comments.WithHidden().Where(c => c.ItemId == storyId).ExecuteDeleteAsync(ct);
            // Its consent history says who changed what and when: about a story that no longer exists, and about its teller.
            await db.StoryConsentChanges.Where(c => c.StoryId == storyId).ExecuteDeleteAsync(ct);
            await tx.CommitAsync(ct);
        }, ct);
        // The erased text must not linger in SQLite's write-ahead log file either.
        await DatabaseCheckpoint.TruncateWalAsync(db, ct);
        return Outcome<WithdrawTarget>.Ok(target with { Title = null, AlreadyWithdrawn = true });
    }

    /// <summary>Also used when an account is removed and its teller chose to withdraw (Features/Privacy).</summary>
    internal static void Erase(Story s, DateTime now)
    {
        s.Title = "";
        s.Text = "";
        s.Html = "";
        s.SearchTerms = "";
        s.TellerName = null;
        s.TellerEmail = null;
        s.TellerKeyHash = null;
        s.TellerId = null;
        // Who told it and to which prompt would still say "this person told a story about …".
        s.AuthorId = null;
        s.ConsentById = null;
        s.RecordedById = null;
        s.PromptId = null;
        s.SignificationJson = null;
        s.SignifiedAt = null;
        s.FrameworkVersion = null;
        s.NotifyByEmail = false;
        s.WithdrawnAt = now;
        s.UpdatedAt = now;
    }

    /// <summary>
    /// Who may withdraw: whoever may speak for the teller, or a facilitator who may read the story. A withdrawn story
    /// can no longer tell who its teller was (the key and account are erased), so "already withdrawn" is said to anyone
    /// who may read the project or brings a key; everyone else gets not found.
    /// </summary>
    private async Task<Outcome<WithdrawTarget>> CheckAsync(Story? story, CancellationToken ct)
    {
        if (story is null) return Outcome<WithdrawTarget>.NotFound();
        var permissions = await access.ForProjectAsync(story.ProjectId, ct);
        if (story.IsWithdrawn)
            return permissions is not null || user.StoryKey is not null
                ? Outcome<WithdrawTarget>.Ok(new WithdrawTarget(story.Id, story.ProjectId, null, null, false, true))
                : Outcome<WithdrawTarget>.NotFound();
        var maySpeak = StoryConsent.MaySpeakFor(story, user, permissions);
        var mayRead = permissions is not null && permissions.CanRead(story);
        if (!maySpeak && !(mayRead && permissions!.CanManage))
            return mayRead ? Outcome<WithdrawTarget>.Forbidden() : Outcome<WithdrawTarget>.NotFound();
        return Outcome<WithdrawTarget>.Ok(new WithdrawTarget(story.Id, story.ProjectId, story.Title, story.Prompt?.Text, maySpeak, false));
    }
}
