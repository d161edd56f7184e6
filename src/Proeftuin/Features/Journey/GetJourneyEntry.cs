using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Journey;

public sealed record JourneyEntryView(int Id, int ProjectId, string ProjectTitle, JourneyEntryType Type, string Title, string Html, DateOnly OccurredOn,
    Perspective KnowledgeSource, Phase Phase, string? AuthorName, bool CanWork);

/// <summary>One note of the innovatiereis for its page; its links (the kwestie it answers, what it taught) are the thread's.</summary>
public sealed class GetJourneyEntry(AppDbContext db, ThreadAccess thread)
{
    public async Task<Outcome<JourneyEntryView>> RunAsync(int id, CancellationToken ct = default)
    {
        var found = await thread.ReadableAsync(id, ct);
        if (found is not var (item, p) || item is not JourneyEntry e) return Outcome<JourneyEntryView>.NotFound();
        var projectTitle = await db.Projects.Where(x => x.Id == e.ProjectId).Select(x => x.Title).FirstAsync(ct);
        var author = e.AuthorId is null || !p.CanSeeMemberNames ? null
            : await db.Users.Where(u => u.Id == e.AuthorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return Outcome<JourneyEntryView>.Ok(new JourneyEntryView(e.Id, e.ProjectId, projectTitle, e.Type, e.Title, e.Html, e.OccurredOn, e.KnowledgeSource,
            e.Phase, author, SaveJourneyEntry.MayWork(p)));
    }
}
