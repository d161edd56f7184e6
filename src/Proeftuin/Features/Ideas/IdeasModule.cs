using Proeftuin.Web;

namespace Proeftuin.Features.Ideas;

/// <summary>Ideas that grow up: a status with its history, support by perspective, their own pages and API.</summary>
public sealed class IdeasModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<IdeaSupportTally>();
        s.AddScoped<FindIdeas>();
        s.AddScoped<GetIdea>();
        s.AddScoped<ChangeIdeaStatus>();
        s.AddScoped<SupportIdea>();
        s.AddScoped<Privacy.IPersonalDataContributor, IdeasPersonalData>();
    }

    public override void Map(WebApplication app) => app.MapIdeasApi();

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        new WorkspaceLink("Ideeën", id => $"/projecten/{id}/ideeen", 25, _ => true),
    ];
}
