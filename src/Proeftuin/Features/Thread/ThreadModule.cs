using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>The thread (de rode draad): items, links, comments, the trace and search.</summary>
public sealed class ThreadModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<ThreadAccess>();
        s.AddScoped<SaveItem>();
        s.AddScoped<DeleteItem>();
        s.AddScoped<SaveJourneyStep>();
        s.AddScoped<GetItem>();
        s.AddScoped<FindItems>();
        s.AddScoped<SaveLink>();
        s.AddScoped<SaveComment>();
        s.AddScoped<GetItemThread>();
        s.AddScoped<GetTrace>();
        s.AddScoped<GetStoryOutcome>();
        s.AddScoped<SearchProject>();
        builder.Services.AddScoped<Privacy.IPersonalDataContributor, ThreadPersonalData>();
    }

    public override void Map(WebApplication app) => app.MapThreadApi();

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        new WorkspaceLink("Inzichten, behoeften en vragen", id => $"/projecten/{id}/draad", 20, _ => true),
        new WorkspaceLink("Zoeken in dit project", id => $"/projecten/{id}/zoeken", 40, _ => true),
    ];
}
