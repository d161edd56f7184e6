using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Moderation;
using Proeftuin.Features.Audit;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>What the consent page shows. AsTeller: the teller (account or key); otherwise a facilitator acting on request.</summary>
public sealed record ConsentTarget(int StoryId, int ProjectId, string? Title, ConsentScope Scope, bool MayQuote, bool HasName,
    bool AsTeller, IReadOnlyList<ConsentChangeView> History);

/// <summary>The choices as posted. Scope is a name (Team, Project, PublicAnonymised) so a wrong value gets a Dutch message.</summary>
public sealed record ConsentInput(string? Scope, bool MayQuote, bool RemoveName, bool ConfirmWider, bool RequestedByTeller);

/// <summary>One line of the consent history, with the name of the facilitator who made it (for the teller and the team).</summary>
public sealed record ConsentChangeView(DateTime At, ConsentChangeKind Kind, string? From, string? To, bool ByTeller, string? ByName);

/// <summary>
/// Toestemming aanpassen: the teller narrows who may read their story (everyone with their name → everyone without it →
/// only the team), stops quoting or removes their name, without withdrawing it; every change is dated on the story.
/// Widening (more readers, a name shown, quoting allowed again) only by the teller, with a fresh explicit choice.
/// A facilitator may only narrow, and only on the teller's request — ticked like the withdrawal's request — so that a
/// resident who phones or tells it at the next meeting is helped, while nobody but the teller can ever give more away.
/// The facilitator who recorded a story is no exception: she speaks for the teller at the kitchen table, but more
/// access goes through the teller's own key. See ADR 0008.
/// </summary>
public sealed class ChangeConsent(AppDbContext db, ProjectAccess access, Caller user, TimeProvider clock, AuditLog audit)
{
    /// <summary>How much a scope gives away: the team only, then everyone who may read the project without the name, then with it.</summary>
    public static int Openness(ConsentScope scope) => scope switch
    {
        ConsentScope.Team => 0,
        ConsentScope.PublicAnonymised => 1,
        _ => 2,
    };

    public async Task<Outcome<ConsentTarget>> LoadAsync(int storyId, CancellationToken ct = default)
    {
        var story = await db.Stories.WithHidden().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storyId, ct);
        var (asTeller, refused) = await CheckAsync(story, ct);
        if (refused is not null) return refused;
        return Outcome<ConsentTarget>.Ok(await TargetAsync(story!, asTeller, ct));
    }

    public async Task<Outcome<ConsentTarget>> RunAsync(int storyId, ConsentInput input, CancellationToken ct = default)
    {
        var story = await db.Stories.WithHidden().FirstOrDefaultAsync(s => s.Id == storyId, ct);
        var (asTeller, refused) = await CheckAsync(story, ct);
        if (refused is not null) return refused;
        var s = story!;

        var v = new Validation();
        var scope = StoryFields.ParseName<ConsentScope>(input.Scope);
        if (scope is null)
        {
            v.Add("Scope", "Kies wie het verhaal mag lezen.");
            return v;
        }
        var wider = Openness(scope.Value) > Openness(s.Scope) || (input.MayQuote && !s.MayQuote);
        var removeName = input.RemoveName && !string.IsNullOrWhiteSpace(s.TellerName);
        var changes = scope.Value != s.Scope || input.MayQuote != s.MayQuote || removeName;
        if (wider && !asTeller)
            v.Add("Scope", "Alleen de verteller zelf kan meer toestaan. Je kunt hier alleen minder toestaan, op verzoek van de verteller.");
        else if (wider && !input.ConfirmWider)
            v.Add("ConfirmWider", "Je geeft meer toestemming dan eerst. Vink aan dat je dat echt wilt.");
        if (changes && !asTeller && !input.RequestedByTeller)
            v.Add("RequestedByTeller", "Vink aan dat de verteller hierom heeft gevraagd.");
        if (!v.IsValid) return v;

        var now = clock.GetUtcNow().UtcDateTime;
        var byId = user.Id;
        void Log(ConsentChangeKind kind, string? from, string? to) =>
            db.StoryConsentChanges.Add(new StoryConsentChange { StoryId = s.Id, At = now, Kind = kind, From = from, To = to, ByTeller = asTeller, ById = byId });
        if (scope.Value != s.Scope) Log(ConsentChangeKind.Scope, s.Scope.ToString(), scope.Value.ToString());
        if (input.MayQuote != s.MayQuote) Log(ConsentChangeKind.Quote, Bool(s.MayQuote), Bool(input.MayQuote));
        if (removeName) Log(ConsentChangeKind.NameRemoved, null, null);
        if (changes)
        {
            audit.Add(AuditAction.ConsentChanged, s.ProjectId, AuditSubjects.Story, s.Id.ToString(), detail: AuditWords.ConsentDetail(s.Scope, scope.Value, s.MayQuote, input.MayQuote, removeName, asTeller), actorKind: !user.IsSignedIn ? ActorKinds.KeyHolder : asTeller ? ActorKinds.Teller : null);
            s.Scope = scope.Value;
            s.MayQuote = input.MayQuote;
            if (removeName) s.TellerName = null;
            s.UpdatedAt = now;
            // Only while not withdrawn: a withdrawal in between wins (its erasure also removes this history).
            var withdrawn = await db.InTransactionAsync(async (tx, ct) =>
            {
                await db.SaveChangesAsync(ct);
                // Not committed: rolled back.
                if (await db.Stories.WithHidden().AnyAsync(x => x.Id == s.Id && x.WithdrawnAt != null, ct)) return true;
                await tx.CommitAsync(ct);
                return false;
            }, ct);
            if (withdrawn) return Outcome<ConsentTarget>.NotFound();
        }
        return Outcome<ConsentTarget>.Ok(await TargetAsync(s, asTeller, ct));
    }

    private static string Bool(bool b) => b ? "true" : "false";

    /// <summary>
    /// The teller (account or key) may change everything; a facilitator who may read the story may narrow on request.
    /// Everyone else: 404 when they may not read the story, 403 when they may. A withdrawn story has no consent left.
    /// </summary>
    private async Task<(bool AsTeller, Outcome<ConsentTarget>? Refused)> CheckAsync(Story? story, CancellationToken ct)
    {
        if (story is null || story.IsWithdrawn) return (false, Outcome<ConsentTarget>.NotFound());
        if (StoryConsent.IsTellerOrKeyHolder(story, user)) return (true, null);
        var permissions = await access.ForProjectAsync(story.ProjectId, ct);
        var mayRead = permissions is not null && permissions.CanRead(story);
        if (mayRead && permissions!.CanManage) return (false, null);
        return (false, mayRead ? Outcome<ConsentTarget>.Forbidden() : Outcome<ConsentTarget>.NotFound());
    }

    private async Task<ConsentTarget> TargetAsync(Story s, bool asTeller, CancellationToken ct) =>
        new(s.Id, s.ProjectId, s.Title, s.Scope, s.MayQuote, !string.IsNullOrWhiteSpace(s.TellerName), asTeller,
            await HistoryAsync(db, s.Id, ct));

    /// <summary>The consent changes of a story, oldest first, with the name of whoever made each (null for a key holder).</summary>
    public static async Task<IReadOnlyList<ConsentChangeView>> HistoryAsync(AppDbContext db, int storyId, CancellationToken ct) =>
        await db.StoryConsentChanges.AsNoTracking().Where(c => c.StoryId == storyId).OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new ConsentChangeView(c.At, c.Kind, c.From, c.To, c.ByTeller,
                db.Users.Where(u => u.Id == c.ById).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
}
