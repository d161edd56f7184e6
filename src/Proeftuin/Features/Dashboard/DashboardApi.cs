using Microsoft.Extensions.Localization;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Gates;
using Proeftuin.Features.Initiatives;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Dashboard;

/// <summary>The dashboard in the API: English names, the fixed slugs of ADR 0017, the same rules as the page.</summary>
public static class DashboardApi
{
    /// <summary>Per knowledge source (Experience, Professional, Scientific): contributions added in the phase and the project's people.</summary>
    public sealed record BalanceDto(IReadOnlyDictionary<string, int> Contributions, IReadOnlyDictionary<string, int> People,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ContributionsByKind, IReadOnlyList<string> Missing, IReadOnlyList<string> Low);

    /// <summary>Latest: the newest items of the kind the caller may read (a story they may not read is left out).</summary>
    public sealed record KindDto(string Kind, int Count, IReadOnlyList<ThreadApi.ItemRefDto> Latest);

    public sealed record PhaseDto(string Phase, bool Current, int Total, IReadOnlyList<KindDto> Kinds, BalanceDto KnowledgeBalance);

    /// <summary>
    /// daysLeft is negative once the end date has passed; lapsingRules counts regelruimte ending within 14 days (or ended);
    /// awaitsDecision: the proef has ended and the team has not decided yet.
    /// </summary>
    public sealed record OpenExperimentDto(int Id, string Title, string Status, DateOnly StartsOn, DateOnly EndsOn, int DaysLeft, int LapsingRules, DateOnly? FirstLapse,
        bool AwaitsDecision);

    public sealed record DecisionDto(int Id, int ExperimentId, string ExperimentTitle, string Choice, string? BackToPhase, bool BrilliantFailure, DateTime CreatedAt);

    /// <summary>
    /// A gate the project went through: verdict Go, Back or Stop (null for a phase move from before gate decisions),
    /// to is null when the project stopped; by is null for readers who may not see names.
    /// </summary>
    public sealed record GateDto(string? Verdict, string? From, string? To, string Reason, string? By, DateTime At);

    public sealed record DashboardDto(int ProjectId, string Title, string Phase, IReadOnlyList<PhaseDto> Phases,
        IReadOnlyList<OpenExperimentDto> OpenExperiments, IReadOnlyList<DecisionDto> RecentDecisions, IReadOnlyList<GateDto> RecentGates);

    /// <summary>One month (yyyy-MM, Dutch time): stories, people who joined a live session, pledges and activity registrations made in it.</summary>
    public sealed record MonthDto(string Month, int Stories, int SessionParticipants, int Pledges, int Registrations);

    /// <summary>A project of the programme the caller may read, with its contributions per knowledge source over all phases.</summary>
    public sealed record ProgrammeProjectDto(int Id, string Title, string Phase, string Status, IReadOnlyDictionary<string, int> KnowledgeBalance);

    public sealed record UpcomingActivityDto(int Id, int? ProjectId, string Type, string Title, DateTime StartsAt, DateTime EndsAt, string Place);

    /// <summary>projectsPerPhase and initiativesPerStatus name every phase and status, also when the count is 0.</summary>
    public sealed record ProgrammeDashboardDto(int ProgrammeId, string Title, IReadOnlyList<MonthDto> Participation, IReadOnlyDictionary<string, int> ProjectsPerPhase,
        IReadOnlyList<ProgrammeProjectDto> Projects, IReadOnlyDictionary<string, int> InitiativesPerStatus, IReadOnlyList<UpcomingActivityDto> UpcomingActivities);

    public static ProgrammeDashboardDto ToDto(ProgrammeDashboardView d) => new(d.ProgrammeId, d.Title,
        [.. d.Months.Select(m => new MonthDto(ProgrammeCharts.MonthIso(m.Month), m.Stories, m.SessionParticipants, m.Pledges, m.Registrations))],
        d.ProjectsPerPhase.ToDictionary(p => ProjectSlugs.Phase.Of(p.Key), p => p.Value),
        [.. d.Projects.Select(p => new ProgrammeProjectDto(p.Id, p.Title, ProjectSlugs.Phase.Of(p.Phase), ProjectSlugs.Status.Of(p.Status),
            p.Balance.Columns.ToDictionary(c => Source(c.Perspective), c => c.Count)))],
        d.InitiativesPerStatus.ToDictionary(s => InitiativeSlugs.Status.Of(s.Key), s => s.Value),
        [.. d.UpcomingActivities.Select(a => new UpcomingActivityDto(a.Id, a.ProjectId, Activities.ActivitySlugs.Type.Of(a.Type), a.Title, a.StartsAt, a.EndsAt, a.Place))]);

    private static string Source(Perspective p) => MemberSlugs.Perspective.Of(p);

    public static DashboardDto ToDto(DashboardView d) => new(d.ProjectId, d.ProjectTitle, ProjectSlugs.Phase.Of(d.CurrentPhase),
        [.. d.Phases.Select(p => new PhaseDto(ProjectSlugs.Phase.Of(p.Phase), p.Current, p.Total,
            [.. p.Kinds.Select(k => new KindDto(k.Kind.ApiSlug, k.Count, [.. k.Latest.Select(ThreadApi.ToDto)]))],
            new BalanceDto(
                p.Balance.Contributions.Columns.ToDictionary(c => Source(c.Perspective), c => c.Count),
                p.Balance.People.Columns.ToDictionary(c => Source(c.Perspective), c => c.Count),
                p.Balance.Rows.ToDictionary(r => r.Kind.ApiSlug, r => (IReadOnlyDictionary<string, int>)Enum.GetValues<Perspective>().ToDictionary(Source, s => r[s])),
                [.. p.Balance.Contributions.Missing.Select(c => Source(c.Perspective))],
                [.. p.Balance.Contributions.Low.Select(c => Source(c.Perspective))])))],
        [.. d.OpenExperiments.Select(e => new OpenExperimentDto(e.Id, e.Title, ExperimentSlugs.Status.Of(e.Status), e.StartsOn, e.EndsOn, e.DaysLeft, e.LapsingRules, e.FirstLapse,
            e.AwaitsDecision))],
        [.. d.Decisions.Select(x => new DecisionDto(x.Id, x.ExperimentId, x.ExperimentTitle, ExperimentSlugs.Choice.Of(x.Choice),
            x.BackToPhase is { } b ? ProjectSlugs.Phase.Of(b) : null, x.BrilliantFailure, x.At))],
        [.. d.Gates.Select(g => new GateDto(g.Verdict is { } v ? GateSlugs.Verdict.Of(v) : null,
            g.From is { } f ? ProjectSlugs.Phase.Of(f) : null, g.To is { } t ? ProjectSlugs.Phase.Of(t) : null, g.Reason, g.By, g.At))]);

    public static WebApplication MapDashboardApi(this WebApplication app)
    {
        app.MapGet("/api/v1/projects/{id:int}/dashboard", async (int id, GetDashboard get, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await get.RunAsync(id, ct) is { } view ? Results.Ok(ToDto(view)) : ApiResults.NotFound(l))
            .WithTags("Projecten")
            .RequireRateLimiting(RateLimits.Api)
            .WithSummary("Het overzicht van een project: per fase wat er is (aantallen en de nieuwste), de kennisbalans, lopende proeven, recente besluiten en fasebesluiten")
            .Produces<DashboardDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/programmes/{id:int}/dashboard", async (int id, GetProgrammeDashboard get, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await get.RunAsync(id, ct) is { } view ? Results.Ok(ToDto(view)) : ApiResults.NotFound(l))
            .WithTags("Programma's")
            .RequireRateLimiting(RateLimits.Api)
            .WithSummary("Het overzicht van een programma: deelname per maand, fasen van de projecten, kennisbalans per project, initiatieven per status en komende activiteiten (alleen van projecten die je mag lezen)")
            .Produces<ProgrammeDashboardDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
