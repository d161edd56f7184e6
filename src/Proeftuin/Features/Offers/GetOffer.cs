using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Offers;

/// <summary>A suggested match as a page shows it: the other side, readable and not hidden.</summary>
public sealed record MatchView(int Id, OfferDirection Direction, OfferCategory Category, string Title, bool Closed);

public sealed record MessageView(bool Mine, string Text, DateTime At);

/// <summary>A private conversation: with whom (their display name, never an address) and its messages, oldest first. With is null for an erased account.</summary>
public sealed record ConversationView(string? With, string Name, IReadOnlyList<MessageView> Messages);

/// <summary>The offer's page. Conversations are only the caller's own: the owner sees each of theirs, anyone else their one with the owner.</summary>
public sealed record OfferView(
    int Id, int ProgrammeId, string ProgrammeTitle, int? ProjectId, string? ProjectTitle, OfferDirection Direction, OfferCategory Category,
    string Title, string TextHtml, string? Place, string? OwnerName, DateTime CreatedAt, DateTime? ClosedAt, bool Hidden, bool ContentHidden, string? ModerationNote,
    IReadOnlyList<MatchView> Matches, IReadOnlyList<MatchCandidate> Candidates, IReadOnlyList<ConversationView> Conversations,
    bool IsSignedIn, bool IsOwner, bool MayTakePart, bool MayEdit)
{
    public bool IsClosed => ClosedAt is not null;
    /// <summary>Someone else may start (or go on with) a conversation with the owner.</summary>
    public bool MayWrite => MayTakePart && !IsOwner && !Hidden && (!IsClosed || Conversations.Count > 0);
    public bool MayMatch => MayTakePart && !Hidden && !IsClosed;
}

public sealed class GetOffer(AppDbContext db, OfferRules rules, SuggestMatch match, TimeProvider clock)
{
    public async Task<Outcome<OfferView>> RunAsync(int id, CancellationToken ct = default)
    {
        var loaded = await rules.LoadAsync(id, ct: ct);
        if (!loaded.IsOk) return Outcome<OfferView>.NotFound();
        var c = loaded.Value!;
        var o = c.Offer;
        var programme = await db.Programmes.Where(x => x.Id == o.ProgrammeId).Select(x => x.Title).FirstAsync(ct);
        var project = o.ProjectId is { } pid ? await db.Projects.Where(x => x.Id == pid).Select(x => x.Title).FirstAsync(ct) : null;
        if (!c.MayReadContent)
            return Outcome<OfferView>.Ok(new OfferView(o.Id, o.ProgrammeId, programme, o.ProjectId, project, o.Direction, o.Category, "", "", null, null,
                o.CreatedAt, o.ClosedAt, Hidden: true, ContentHidden: true, null, [], [], [], c.IsSignedIn, c.IsOwner, false, false));

        // Names only for who is signed in, as with initiatives.
        var owner = c.IsSignedIn ? await db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var readable = rules.Readable();
        var matches = await db.Set<OfferMatch>().AsNoTracking().Where(m => m.OfferId == id || m.RequestId == id)
            .Select(m => m.OfferId == id ? m.RequestId : m.OfferId)
            .Join(readable, x => x, r => r.Id, (x, r) => new MatchView(r.Id, r.Direction, r.Category, r.Title, r.ClosedAt != null))
            .ToListAsync(ct);
        var candidates = c.MayTakePart && !c.IsHidden && !c.IsClosed ? await match.CandidatesAsync(o, ct) : [];
        var conversations = c.IsSignedIn ? await ConversationsAsync(c, ct) : [];
        return Outcome<OfferView>.Ok(new OfferView(o.Id, o.ProgrammeId, programme, o.ProjectId, project, o.Direction, o.Category, o.Title, o.TextHtml, o.Place,
            owner, o.CreatedAt, o.ClosedAt, c.IsHidden, ContentHidden: false, o.ModerationNote, matches.OrderBy(m => m.Closed).ThenBy(m => m.Title, StringComparer.CurrentCulture).ToList(),
            candidates, conversations, c.IsSignedIn, c.IsOwner, c.MayTakePart, c.MayEdit));
    }

    /// <summary>The caller's conversations on this offer; what was sent to them is marked read.</summary>
    private async Task<IReadOnlyList<ConversationView>> ConversationsAsync(OfferContext c, CancellationToken ct)
    {
        var me = c.UserId!;
        var id = c.Offer.Id;
        // Not the owner: every message of theirs here is with the owner. Moderators read no one else's conversation.
        var rows = await db.Set<OfferMessage>().AsNoTracking().Where(m => m.OfferId == id && (m.FromId == me || m.ToId == me))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.FromId, m.ToId, m.Text, m.CreatedAt })
            .ToListAsync(ct);
        if (rows.Count == 0) return [];
        var others = rows.Select(r => r.FromId == me ? r.ToId : r.FromId).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => others.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var conversations = rows.GroupBy(r => r.FromId == me ? r.ToId : r.FromId)
            .Select(g => new ConversationView(g.Key, g.Key is { } k && names.TryGetValue(k, out var n) ? n : "", g.Select(r => new MessageView(r.FromId == me, r.Text, r.CreatedAt)).ToList()))
            .OrderByDescending(x => x.Messages[^1].At).ToList();
        await db.Set<OfferMessage>().Where(m => m.OfferId == id && m.ToId == me && m.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ReadAt, clock.GetUtcNow().UtcDateTime), ct);
        return conversations;
    }
}
