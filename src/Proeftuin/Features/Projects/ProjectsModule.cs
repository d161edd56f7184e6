using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

/// <summary>Projects, their phases and themes.</summary>
public sealed class ProjectsModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<FindProjects>();
        s.AddScoped<GetProjectOverview>();
        s.AddScoped<CreateProject>();
        s.AddScoped<EditProject>();
        s.AddScoped<MovePhase>();
        s.AddScoped<ManageThemes>();
        s.AddScoped<BalanceContributors>();
        builder.Services.AddScoped<Privacy.IPersonalDataContributor, ProjectsPersonalData>();
    }

    public override void Map(WebApplication app) => app.MapProjectsApi();
}
