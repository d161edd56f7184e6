using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Features.Signification;

public sealed record AnalysisFilter(int? PromptId, Perspective? Perspective);

public sealed record PromptOption(int Id, string Text);

/// <summary>One story as a dot: its id (for the link) and a name to show.</summary>
public sealed record StoryDot(int StoryId, string Name, Perspective Perspective);

public sealed record TriadPoint(StoryDot Story, TriadShares Shares, TriadZone? Zone);

/// <summary>A subgroup (all stories, or one knowledge source) of one triad.</summary>
public sealed record TriadGroup(Perspective? Perspective, IReadOnlyList<TriadPoint> Points, int Na, TriadShares? Mean)
{
    public int Count(TriadZone zone) => Points.Count(p => p.Zone == zone);
}

public sealed record DyadGroup(Perspective? Perspective, IReadOnlyList<int> Bands, int Na)
{
    public int Total => Bands.Sum();
}

public sealed record StonePlacement(StoryDot Story, string StoneId, StonePoint Point);

public sealed record StonesResult(IReadOnlyList<StonePlacement> Placements, int Na)
{
    public int Count(string stoneId, StoneQuadrant q) => Placements.Count(p => p.StoneId == stoneId && Stones.Quadrant(p.Point.X, p.Point.Y) == q);
    public int Placed(string stoneId) => Placements.Count(p => p.StoneId == stoneId);
}

public sealed record ListGroup(Perspective? Perspective, IReadOnlyDictionary<string, int> Counts, int Answered, int Na);

public sealed record SignifierResult(Signifier Signifier,
    IReadOnlyList<TriadGroup>? Triad = null, IReadOnlyList<DyadGroup>? Dyad = null, StonesResult? Stones = null, IReadOnlyList<ListGroup>? List = null);

public sealed record AnalysisView(int ProjectId, string ProjectTitle, ProjectPermissions Permissions, int FrameworkVersion,
    AnalysisFilter Filter, IReadOnlyList<PromptOption> Prompts, int Stories, int Signified, IReadOnlyList<SignifierResult> Results);

/// <summary>
/// The project's signification, for everyone who may read the project, over only the stories the caller may read
/// (StoryConsent.ReadableBy: never a withdrawn story). Answers are matched to the current framework by signifier id.
/// </summary>
public sealed class GetAnalysis(AppDbContext db, ProjectAccess access, GetFramework frameworks)
{
    public async Task<Outcome<AnalysisView>> RunAsync(int projectId, AnalysisFilter filter, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<AnalysisView>.NotFound();
        var framework = await frameworks.LoadAsync(projectId, ct);
        if (framework is null) return Outcome<AnalysisView>.NotFound();

        var prompts = await db.StoryPrompts.AsNoTracking().Where(p => p.ProjectId == projectId)
            .OrderBy(p => p.Position).ThenBy(p => p.Id).Select(p => new PromptOption(p.Id, p.Text)).ToListAsync(ct);

        var stories = db.Stories.AsNoTracking().ReadableBy(permissions);
        if (filter.PromptId is { } promptId) stories = stories.Where(s => s.PromptId == promptId);
        if (filter.Perspective is { } perspective) stories = stories.Where(s => s.KnowledgeSource == perspective);
        var total = await stories.CountAsync(ct);
        var rows = await stories.Where(s => s.SignificationJson != null)
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Title, s.KnowledgeSource, s.SignificationJson, s.Scope, s.TellerId })
            .ToListAsync(ct);
        // An anonymised story shows no title to readers outside the team: only its number.
        static bool Anonymised(ProjectPermissions p, ConsentScope scope, string? tellerId) =>
            p.IsAnonymisedFor(new Story { Scope = scope, TellerId = tellerId });
        var answered = rows
            .Select(r => (Dot: new StoryDot(r.Id, Anonymised(permissions, r.Scope, r.TellerId) ? "" : r.Title.Trim(), r.KnowledgeSource),
                Answers: SignificationAnswers.FromJson(r.SignificationJson)))
            .Where(r => r.Answers is not null)
            .Select(r => (r.Dot, Answers: r.Answers!))
            .ToList();

        // Side by side: all stories and each knowledge source, or only the one filtered on.
        IReadOnlyList<Perspective?> groups = filter.Perspective is { } only
            ? [only]
            : [null, Perspective.Experience, Perspective.Professional, Perspective.Scientific];

        var results = framework.Definition.Signifiers.Select(s => s.Type switch
        {
            SignifierType.Triad => new SignifierResult(s, Triad: groups.Select(g => TriadFor(s, answered.Where(a => g is null || a.Dot.Perspective == g), g)).ToList()),
            SignifierType.Dyad => new SignifierResult(s, Dyad: groups.Select(g => DyadFor(s, answered.Where(a => g is null || a.Dot.Perspective == g), g)).ToList()),
            SignifierType.Stones => new SignifierResult(s, Stones: StonesFor(s, answered)),
            _ => new SignifierResult(s, List: groups.Select(g => ListFor(s, answered.Where(a => g is null || a.Dot.Perspective == g), g)).ToList()),
        }).ToList();

        return Outcome<AnalysisView>.Ok(new AnalysisView(projectId, framework.ProjectTitle, permissions, framework.Version,
            filter, prompts, total, answered.Count, results));
    }

    private static TriadGroup TriadFor(Signifier s, IEnumerable<(StoryDot Dot, SignificationAnswers Answers)> stories, Perspective? group)
    {
        var points = new List<TriadPoint>();
        var na = 0;
        foreach (var (dot, answers) in stories)
        {
            var answer = answers.For(s.Id);
            if (answer is null) continue;
            if (answer.Na) na++;
            else if (answer.Triad is { } shares) points.Add(new TriadPoint(dot, shares, Triad.Zone(shares)));
        }
        return new TriadGroup(group, points, na, Triad.GeometricMean(points.Select(p => p.Shares).ToList()));
    }

    private static DyadGroup DyadFor(Signifier s, IEnumerable<(StoryDot Dot, SignificationAnswers Answers)> stories, Perspective? group)
    {
        var bands = new int[5];
        var na = 0;
        foreach (var (_, answers) in stories)
        {
            var answer = answers.For(s.Id);
            if (answer is null) continue;
            if (answer.Na) na++;
            else if (answer.X is { } x) bands[(int)Dyad.Band(x)]++;
        }
        return new DyadGroup(group, bands, na);
    }

    private static StonesResult StonesFor(Signifier s, IEnumerable<(StoryDot Dot, SignificationAnswers Answers)> stories)
    {
        var placements = new List<StonePlacement>();
        var na = 0;
        var known = (s.Stones ?? []).Select(st => st.Id).ToHashSet();
        foreach (var (dot, answers) in stories)
        {
            var answer = answers.For(s.Id);
            if (answer is null) continue;
            if (answer.Na) { na++; continue; }
            foreach (var (stoneId, point) in answer.Stones ?? new Dictionary<string, StonePoint?>())
                if (point is not null && known.Contains(stoneId)) placements.Add(new StonePlacement(dot, stoneId, point));
        }
        return new StonesResult(placements, na);
    }

    private static ListGroup ListFor(Signifier s, IEnumerable<(StoryDot Dot, SignificationAnswers Answers)> stories, Perspective? group)
    {
        var counts = (s.Items ?? []).ToDictionary(i => i.Id, _ => 0);
        int answered = 0, na = 0;
        foreach (var (_, answers) in stories)
        {
            var answer = answers.For(s.Id);
            if (answer is null) continue;
            if (answer.Na) { na++; continue; }
            answered++;
            foreach (var choice in answer.Choices ?? [])
                if (counts.TryGetValue(choice, out var n)) counts[choice] = n + 1;
        }
        return new ListGroup(group, counts, answered, na);
    }
}
