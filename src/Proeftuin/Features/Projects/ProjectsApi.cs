using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

/// <summary>Read API for projects. The same ProjectAccess rules as the pages: invisible projects are 404.</summary>
public static class ProjectsApi
{
    public sealed record ProjectDto(
        int Id, string Title, string CentralQuestion, string Description, int ProgrammeId, int? ParentProjectId,
        string Phase, string Status, string Visibility, IReadOnlyList<string> Domains, IReadOnlyList<string> Themes,
        IReadOnlyList<PhaseStepDto> PhaseHistory, IReadOnlyList<PerspectiveGroupDto> MembersByPerspective,
        IReadOnlyList<int> SubProjectIds, BalanceDto KnowledgeBalance, IReadOnlyList<GateDto> Gates);

    /// <summary>A gate decision (ADR 0028): Go, Back or Stop, with reasons; advice only for the project's members.</summary>
    public sealed record GateDto(string Verdict, string From, string? To, string Reasons, string? WhatChanges, string? By, DateTime At, IReadOnlyList<GateAdviceDto> Advice);

    public sealed record GateAdviceDto(string Recommendation, string Text, string? By, DateTime GivenAt);

    /// <summary>Contributions in the current phase and people, per knowledge source (kennisbron).</summary>
    public sealed record BalanceDto(string Phase, IReadOnlyDictionary<string, int> Contributions, IReadOnlyDictionary<string, int> People,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ContributionsByKind);

    public sealed record PhaseStepDto(string? From, string To, string Reason, string? By, DateTime At);

    /// <summary>Members are listed only for signed-in readers; anonymous callers get counts.</summary>
    public sealed record PerspectiveGroupDto(string Perspective, int Count, IReadOnlyList<MemberDto>? Members);

    /// <summary>Reviewer: an observer invited as externe reviewer, who may also comment and write review advice.</summary>
    public sealed record MemberDto(string DisplayName, string Role, bool Reviewer);

    public sealed record ProjectSummaryDto(int Id, int ProgrammeId, int? ParentProjectId, string Title, string CentralQuestion,
        string Phase, string Status, string Visibility, IReadOnlyList<string> Domains, IReadOnlyList<string> Themes);

    /// <summary>The fixed API names (ADR 0017), never labels or member names.</summary>
    public static ProjectSummaryDto ToDto(ProjectSummary s) => new(s.Id, s.ProgrammeId, s.ParentProjectId, s.Title, s.CentralQuestion,
        ProjectSlugs.Phase.Of(s.Phase), ProjectSlugs.Status.Of(s.Status), ProjectSlugs.Visibility.Of(s.Visibility), s.Domains.Slugs(), s.Themes);

    public static WebApplication MapProjectsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/projects").WithTags("Projecten").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/", async (string? domain, string? theme, string? phase, FindProjects find, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                Domains? d = null;
                // English slugs; the Dutch words sent before (zorg, wonen, …) are still read for one release.
                if (!string.IsNullOrEmpty(domain) && (d = ProjectSlugs.Domain.Parse(domain)) is null)
                    return ApiResults.BadQuery(l, "domain", "Onbekend domein. Kies uit: care, safety, education, labour, housing, income.");
                Phase? p = null;
                if (!string.IsNullOrEmpty(phase) && (p = ProjectSlugs.Phase.Parse(phase)) is null)
                    return ApiResults.BadQuery(l, "phase", "Onbekende fase. Kies uit: Empathize, Define, Ideate, Prototype, Test.");
                if (theme is { Length: > ProjectLimits.ThemeName } || (theme is not null && Validation.HasControlCharacters(theme)))
                    return ApiResults.BadQuery(l, "theme", "Onbekend thema.");
                var projects = await find.RunAsync(new ProjectFilter(Domain: d, Theme: theme, Phase: p), ct);
                return Results.Ok(projects.Select(ToDto));
            })
            .WithSummary("Projecten die je mag zien, te filteren op domain (care, housing, …), theme en phase")
            .Produces<IEnumerable<ProjectSummaryDto>>()
            .ProducesValidationProblem()
            // The same list for everyone signed out: kept like the public pages, evicted when data changes (ADR 0022, 0026).
            .CacheOutput(PageCache.Policy);

        api.MapGet("/{id:int}", async (int id, GetProjectOverview query, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var o = await query.RunAsync(id, ct);
                if (o is null) return ApiResults.NotFound(l);
                var groups = o.Balance.Columns.Select(c => new PerspectiveGroupDto(MemberSlugs.Perspective.Of(c.Perspective), c.Count,
                    o.Permissions.CanSeeMemberNames
                        ? o.Members.Where(m => m.Perspective == c.Perspective).Select(m => new MemberDto(m.DisplayName, MemberSlugs.Role.Of(m.Role), m.IsReviewer)).ToList()
                        : null)).ToList();
                return Results.Ok(new ProjectDto(o.Id, o.Title, o.CentralQuestion, o.Description, o.ProgrammeId, o.ParentProjectId,
                    ProjectSlugs.Phase.Of(o.Phase), ProjectSlugs.Status.Of(o.Status), ProjectSlugs.Visibility.Of(o.Visibility), o.Domains.Slugs(), o.Themes,
                    o.PhaseHistory.Select(h => new PhaseStepDto(h.From is { } from ? ProjectSlugs.Phase.Of(from) : null, ProjectSlugs.Phase.Of(h.To), h.Reason, h.By, h.At)).ToList(),
                    groups, o.SubProjects.Select(s => s.Id).ToList(), ToDto(o.PhaseBalance), o.Gates.Select(ToDto).ToList()));
            })
            .WithSummary("Eén project met fasegeschiedenis, besluiten over de fase en leden per kennisbron")
            .Produces<ProjectDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static GateDto ToDto(Gates.GateView g) => new(Gates.GateSlugs.Verdict.Of(g.Verdict), ProjectSlugs.Phase.Of(g.From),
        g.To is { } to ? ProjectSlugs.Phase.Of(to) : null, g.Reasons, g.WhatChanges, g.By, g.At,
        g.Advice.Where(a => a.IsGiven).Select(a => new GateAdviceDto(Gates.GateSlugs.Verdict.Of(a.Recommendation!.Value), a.Text ?? "", a.Evaluator, a.GivenAt!.Value)).ToList());

    private static BalanceDto ToDto(PhaseBalance b) => new(ProjectSlugs.Phase.Of(b.Phase),
        b.Contributions.Columns.ToDictionary(c => MemberSlugs.Perspective.Of(c.Perspective), c => c.Count),
        b.People.Columns.ToDictionary(c => MemberSlugs.Perspective.Of(c.Perspective), c => c.Count),
        b.Rows.ToDictionary(r => r.Kind.ApiSlug, r => (IReadOnlyDictionary<string, int>)Enum.GetValues<Perspective>().ToDictionary(MemberSlugs.Perspective.Of, p => r[p])));
}
