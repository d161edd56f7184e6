using Proeftuin.Web;

namespace Proeftuin.Features.Dashboard;

/// <summary>
/// The project dashboard (overzicht): what exists per phase, the knowledge balance, open proeven, decisions and gates;
/// and the programme dashboard: participation per month, phases, balance per project, initiatives, activities.
/// </summary>
public sealed class DashboardModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<GetDashboard>();
        s.AddScoped<RecentGates>();
        s.AddScoped<GetProgrammeDashboard>();
        s.AddScoped<ExportProgrammeDashboard>();
    }

    public override void Map(WebApplication app) => app.MapDashboardApi();

    // First in the project's menu: the overview comes before the work.
    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        new WorkspaceLink("Overzicht", id => $"/projecten/{id}/overzicht", 1, _ => true),
    ];
}
