using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

public enum StoryAccess
{
    NotFound,
    /// <summary>The story was withdrawn: its text and the teller's details are gone.</summary>
    Withdrawn,
    Ok,
}

/// <summary>
/// One story as the caller may see it. ShowConsent: the team and the teller see the consent details.
/// MaySpeakFor: the teller (account or key) or the facilitator who recorded it may signify, trace and withdraw.
/// </summary>
public sealed record StoryView(
    int Id, int ProjectId, string ProjectTitle, bool CanReadProject,
    int? PromptId, string? PromptText, string Title, string Text, string Html, string? TellerName, bool Anonymised,
    Perspective Perspective, Projects.Phase Phase, DateTime CreatedAt,
    bool ShowConsent, ConsentScope Scope, bool MayQuote, bool Recorded, string? RecordedBy, DateTime ConsentAt,
    bool MaySpeakFor, bool KeyMatched, bool CanWithdrawOnRequest,
    string? SignificationJson, DateTime? SignifiedAt, int? FrameworkVersion)
{
    /// <summary>The teller themselves (account or key): "jouw verhaal", and may widen their consent.</summary>
    public bool IsTeller { get; init; }
    /// <summary>A facilitator who may read it: may narrow its consent on the teller's request, and make a new slip when recorded.</summary>
    public bool CanNarrowOnRequest { get; init; }
    /// <summary>Dated consent changes, for whoever sees the consent details.</summary>
    public IReadOnlyList<ConsentChangeView> ConsentHistory { get; init; } = [];
}

public sealed record StoryResult(StoryAccess Access, StoryView? View = null, bool CanReadProject = false);

/// <summary>
/// A story page or API answer: readable by who may read the project and the story's scope (StoryConsent), or by who
/// may speak for its teller (a key holder even in a project they cannot read). Everyone else: not found.
/// </summary>
public sealed class GetStory(AppDbContext db, ProjectAccess access, Caller user)
{
    public async Task<StoryResult> RunAsync(int storyId, CancellationToken ct = default)
    {
        var row = await db.Stories.AsNoTracking().Where(s => s.Id == storyId)
            .Select(s => new
            {
                Story = s,
                ProjectTitle = s.Project.Title,
                PromptText = s.Prompt == null ? null : s.Prompt.Text,
                RecordedBy = db.Users.Where(u => u.Id == s.RecordedById).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null) return new StoryResult(StoryAccess.NotFound);
        var s = row.Story;
        var permissions = await access.ForProjectAsync(s.ProjectId, ct);
        if (s.IsWithdrawn) return new StoryResult(StoryAccess.Withdrawn, CanReadProject: permissions is not null);

        var maySpeak = StoryConsent.MaySpeakFor(s, user, permissions);
        var mayRead = permissions is not null && permissions.CanRead(s);
        if (!mayRead && !maySpeak) return new StoryResult(StoryAccess.NotFound);
        var anonymised = !maySpeak && permissions!.IsAnonymisedFor(s);
        var showConsent = maySpeak || permissions?.IsTeam == true;
        var view = new StoryView(s.Id, s.ProjectId, row.ProjectTitle, permissions is not null,
            s.PromptId, row.PromptText, s.Title, s.Text, s.Html, anonymised ? null : s.TellerName, anonymised,
            s.KnowledgeSource, s.Phase, s.CreatedAt,
            showConsent, s.Scope, s.MayQuote, s.RecordedById is not null && !anonymised, showConsent ? row.RecordedBy : null, s.ConsentAt,
            maySpeak, StoryConsent.KeyMatches(s, user), mayRead && permissions!.CanManage,
            s.SignificationJson, s.SignifiedAt, s.FrameworkVersion);
        view = view with
        {
            IsTeller = StoryConsent.IsTellerOrKeyHolder(s, user),
            CanNarrowOnRequest = mayRead && permissions!.CanManage,
            ConsentHistory = showConsent ? await ChangeConsent.HistoryAsync(db, s.Id, ct) : [],
        };
        return new StoryResult(StoryAccess.Ok, view, permissions is not null);
    }

    /// <summary>The story a short code from a slip belongs to (not withdrawn); null for a code that is wrong or replaced.</summary>
    public async Task<int?> IdForShortKeyAsync(string? typed, CancellationToken ct = default)
    {
        var key = StoryKeys.NormalizeShort(typed);
        if (key is null) return null;
        var hash = StoryKeys.Hash(key);
        return await db.Stories.Where(s => s.TellerKeyHash == hash && s.WithdrawnAt == null).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
    }
}
