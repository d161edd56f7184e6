using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.MethodCards;

/// <summary>What the library is asked: words (stemmed, every word must match), a phase, and the project it is opened for.</summary>
public sealed record CardQuery(string? Q = null, Phase? Phase = null, int? ProjectId = null);

/// <summary>The library: the built-in cards first (in the session's order), then own cards by title.</summary>
public sealed record CardList(IReadOnlyList<CardView> Cards, int? ProjectId, string? ProjectTitle, bool CanPlan, bool CanAdd);

/// <summary>
/// The werkvormen the caller may see: the built-in ones for everyone, own cards by <see cref="CardPlaces.Readable"/>.
/// Opened for a project (?project=), only that project's cards and its programme's; null when the project may not be read.
/// </summary>
public sealed class FindMethodCards(AppDbContext db, CardPlaces places, ProjectAccess projects)
{
    public const int MaxQuery = 200;

    public async Task<CardList?> RunAsync(CardQuery query, CancellationToken ct = default)
    {
        var stems = DutchStems.Of(query.Q is { Length: <= MaxQuery } q ? q : null).Take(10).ToList();
        ProjectPermissions? project = null;
        string? projectTitle = null;
        if (query.ProjectId is { } projectId)
        {
            project = await projects.ForProjectAsync(projectId, ct);
            if (project is null) return null;
            projectTitle = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).FirstAsync(ct);
        }

        var builtIn = BuiltInCards.All.Where(c => query.Phase is null || c.Phase == query.Phase)
            .Where(c => stems.All(s => c.SearchTerms.Contains(" " + s, StringComparison.Ordinal)))
            .Select(CardView.Of);

        var own = places.Readable().AsNoTracking();
        if (project is not null)
            own = own.Where(c => c.ProjectId == project.ProjectId || c.ProgrammeId == project.ProgrammeId);
        if (query.Phase is { } phase) own = own.Where(c => c.Phase == phase);
        // A stored stem starts after a space: " eenzam" finds "eenzaamheid" and "eenzame", never the middle of a word.
        foreach (var stem in stems)
        {
            var word = " " + stem;
            own = own.Where(c => c.SearchTerms.Contains(word));
        }
        var rows = await own.OrderBy(c => c.Title).ThenBy(c => c.Id).Take(500).ToListAsync(ct);
        // The places' names in two small reads, not a subquery per card.
        var projectIds = rows.Where(c => c.ProjectId != null).Select(c => c.ProjectId!.Value).Distinct().ToList();
        var programmeIds = rows.Where(c => c.ProgrammeId != null).Select(c => c.ProgrammeId!.Value).Distinct().ToList();
        var projectNames = await db.Projects.Where(p => projectIds.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var programmeNames = await db.Programmes.Where(p => programmeIds.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var cards = builtIn.Concat(rows.Select(c => CardView.Of(c, c.ProjectId is { } p ? projectNames.GetValueOrDefault(p) : programmeNames.GetValueOrDefault(c.ProgrammeId!.Value), null))).ToList();
        var canPlan = project is { CanManage: true };
        var canAdd = (await places.KeptAsync(ct)).Count > 0;
        return new CardList(cards, project?.ProjectId, projectTitle, canPlan, canAdd);
    }
}
