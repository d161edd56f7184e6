using Proeftuin.Features.Members;

namespace Proeftuin.Features.Projects;

/// <summary>One grouped count of contributions that are not thread items or reacties: in a project's phase, in a row, from a knowledge source.</summary>
public sealed record BalanceCount(int ProjectId, Phase Phase, string Row, Perspective Source, int Count);

/// <summary>
/// A feature whose contributions count in the knowledge balance without being thread items (a live session's post-its and
/// stippen). Its module registers it; the balance panel, the project dashboard and the programme dashboard ask every
/// contributor, so a new kind of contribution arrives as a new folder. Counts are grouped in the database: a fixed number
/// of queries however many rows.
/// </summary>
public interface IBalanceContributor
{
    /// <summary>The rows this contributor counts in; <see cref="BalanceCount.Row"/> is one of their <see cref="BalanceRow.ApiSlug"/>s.</summary>
    IReadOnlyList<BalanceRow> Rows { get; }

    /// <summary>Counts for these projects (a query, so the database filters), per project, phase, row and source.</summary>
    Task<IReadOnlyList<BalanceCount>> CountAsync(IQueryable<int> projectIds, CancellationToken ct);
}

/// <summary>Every registered contributor together.</summary>
public sealed class BalanceContributors(IEnumerable<IBalanceContributor> contributors, Data.AppDbContext db)
{
    private readonly List<IBalanceContributor> all = [.. contributors];
    private IReadOnlyList<BalanceRow>? rows;

    public IReadOnlyList<BalanceRow> Rows => rows ??= [.. all.SelectMany(c => c.Rows)];

    public BalanceRow Row(string slug) => Rows.First(r => r.ApiSlug == slug);

    /// <summary>The counts of one project, every phase.</summary>
    public Task<List<BalanceCount>> CountAsync(int projectId, CancellationToken ct) =>
        CountAsync(db.Projects.Where(p => p.Id == projectId).Select(p => p.Id), ct);

    public async Task<List<BalanceCount>> CountAsync(IQueryable<int> projectIds, CancellationToken ct)
    {
        var counts = new List<BalanceCount>();
        foreach (var c in all) counts.AddRange(await c.CountAsync(projectIds, ct));
        return counts;
    }
}
