using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

public sealed record StoryOutcomeView(int StoryId, string StoryTitle, string ProjectTitle, bool CanReadProject, IReadOnlyList<TraceLevel> Fed)
{
    /// <summary>The ideas at the end of the chain ("…en daaruit kwamen deze ideeën"), nearest first.</summary>
    public IReadOnlyList<ItemRef> Ideas => Fed.SelectMany(l => l.Items).Select(e => e.Item).Where(i => i.Kind == ItemKind.Idea).ToList();
}

/// <summary>
/// "Wat is er met mijn verhaal gebeurd?": everything a story fed, for whoever may act for its teller (their
/// account, their private key, or the facilitator who recorded it). Items link to their page only when the
/// teller may read the project.
/// </summary>
public sealed class GetStoryOutcome(AppDbContext db, ProjectAccess access, Caller user, GetTrace trace)
{
    /// <summary>Null (404) for unknown and withdrawn stories and for anyone who may not speak for the teller.</summary>
    public async Task<StoryOutcomeView?> RunAsync(int storyId, CancellationToken ct = default)
    {
        var story = await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storyId, ct);
        if (story is null || story.IsWithdrawn) return null;
        var p = await access.ForProjectAsync(story.ProjectId, ct);
        if (!StoryConsent.MaySpeakFor(story, user, p)) return null;
        // Without p, stories show as "een verhaal dat je niet kunt lezen"; the page links nothing then.
        var fed = await trace.ForwardAsync(story.ProjectId, storyId, p, ct);
        var projectTitle = await db.Projects.Where(x => x.Id == story.ProjectId).Select(x => x.Title).FirstAsync(ct);
        return new StoryOutcomeView(storyId, ThreadAccess.StoryTitle(null, story), projectTitle, p is not null, fed);
    }
}
