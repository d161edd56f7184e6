using Proeftuin.Web;

namespace Proeftuin.Features.Lessons;

/// <summary>Lessen: what projects learn, in a library across projects (/lessen), with search, facets and open data.</summary>
public sealed class LessonsModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<SaveLesson>();
        s.AddScoped<FindLessons>();
        s.AddScoped<GetLesson>();
        s.AddScoped<ExportOpenLessons>();
    }

    public override void Map(WebApplication app) => app.MapLessonsApi();

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        // After the learning agenda: what the project learned, in the library that spans projects.
        new WorkspaceLink("Lessen", id => $"/lessen?project={id}", 60, _ => true),
    ];
}
