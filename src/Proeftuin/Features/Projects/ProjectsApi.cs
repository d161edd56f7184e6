using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

/// <summary>Read API for projects. The same ProjectAccess rules as the pages: invisible projects are 404.</summary>
public static class ProjectsApi
{
    public sealed record ProjectDto(
        int Id, string Title, string CentralQuestion, string Description, int ProgrammeId, int? ParentProjectId,
        string Phase, string Status, string Visibility, IReadOnlyList<string> Domains, IReadOnlyList<string> Themes,
        IReadOnlyList<PhaseStepDto> PhaseHistory, IReadOnlyList<PerspectiveGroupDto> MembersByPerspective,
        IReadOnlyList<int> SubProjectIds, BalanceDto KnowledgeBalance);

    /// <summary>Contributions in the current phase and people, per knowledge source (kennisbron).</summary>
    public sealed record BalanceDto(string Phase, IReadOnlyDictionary<string, int> Contributions, IReadOnlyDictionary<string, int> People,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ContributionsByKind);

    public sealed record PhaseStepDto(string? From, string To, string Reason, string? By, DateTime At);

    /// <summary>Members are listed only for signed-in readers; anonymous callers get counts.</summary>
    public sealed record PerspectiveGroupDto(string Perspective, int Count, IReadOnlyList<MemberDto>? Members);

    public sealed record MemberDto(string DisplayName, string Role);

    public sealed record ProjectSummaryDto(int Id, int ProgrammeId, int? ParentProjectId, string Title, string CentralQuestion,
        string Phase, string Status, IReadOnlyList<string> Domains, IReadOnlyList<string> Themes);

    public static WebApplication MapProjectsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/projects").WithTags("Projecten").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/", async (string? domain, string? theme, string? phase, FindProjects find, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                Domains? d = null;
                if (!string.IsNullOrEmpty(domain) && (d = ProjectWords.DomainFromSlug(domain)) is null)
                    return ApiResults.BadQuery(l, "domain", "Onbekend domein. Kies uit: zorg, veiligheid, onderwijs, arbeidsmarkt, wonen, inkomen.");
                Phase? p = null;
                if (!string.IsNullOrEmpty(phase) && (p = ProjectWords.PhaseFromSlug(phase)) is null)
                    return ApiResults.BadQuery(l, "phase", "Onbekende fase. Kies uit: Empathize, Define, Ideate, Prototype, Test.");
                if (theme is { Length: > ProjectLimits.ThemeName } || (theme is not null && Validation.HasControlCharacters(theme)))
                    return ApiResults.BadQuery(l, "theme", "Onbekend thema.");
                var projects = await find.RunAsync(new ProjectFilter(Domain: d, Theme: theme, Phase: p), ct);
                return Results.Ok(projects.Select(s => new ProjectSummaryDto(s.Id, s.ProgrammeId, s.ParentProjectId, s.Title, s.CentralQuestion,
                    s.Phase.ToString(), s.Status.ToString(), s.Domains.Split().Select(x => x.Slug()).ToList(), s.Themes)));
            })
            .WithSummary("Projecten die je mag zien, te filteren op domain (zorg, wonen, …), theme en phase")
            .Produces<IEnumerable<ProjectSummaryDto>>()
            .ProducesValidationProblem();

        api.MapGet("/{id:int}", async (int id, GetProjectOverview query, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var o = await query.RunAsync(id, ct);
                if (o is null) return ApiResults.NotFound(l);
                var groups = o.Balance.Columns.Select(c => new PerspectiveGroupDto(c.Perspective.ToString(), c.Count,
                    o.Permissions.CanSeeMemberNames
                        ? o.Members.Where(m => m.Perspective == c.Perspective).Select(m => new MemberDto(m.DisplayName, m.Role.ToString())).ToList()
                        : null)).ToList();
                return Results.Ok(new ProjectDto(o.Id, o.Title, o.CentralQuestion, o.Description, o.ProgrammeId, o.ParentProjectId,
                    o.Phase.ToString(), o.Status.ToString(), o.Visibility.ToString(), o.Domains.Split().Select(x => x.Slug()).ToList(), o.Themes,
                    o.PhaseHistory.Select(h => new PhaseStepDto(h.From?.ToString(), h.To.ToString(), h.Reason, h.By, h.At)).ToList(),
                    groups, o.SubProjects.Select(s => s.Id).ToList(), ToDto(o.PhaseBalance)));
            })
            .WithSummary("Eén project met fasegeschiedenis en leden per kennisbron")
            .Produces<ProjectDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static BalanceDto ToDto(PhaseBalance b) => new(b.Phase.ToString(),
        b.Contributions.Columns.ToDictionary(c => c.Perspective.ToString(), c => c.Count),
        b.People.Columns.ToDictionary(c => c.Perspective.ToString(), c => c.Count),
        b.Rows.ToDictionary(r => r.Kind.ToString(), r => (IReadOnlyDictionary<string, int>)Enum.GetValues<Members.Perspective>().ToDictionary(p => p.ToString(), p => r[p])));
}
