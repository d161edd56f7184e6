using Proeftuin.Web;

namespace Proeftuin.Features.Signification;

/// <summary>Self-signification: the framework, signifying a story, the analysis and the export.</summary>
public sealed class SignificationModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<GetFramework>();
        s.AddScoped<SaveFramework>();
        s.AddScoped<SignifyStory>();
        s.AddScoped<GetAnalysis>();
        s.AddScoped<ExportStories>();
        builder.Services.AddScoped<Privacy.IPersonalDataContributor, SignificationPersonalData>();
    }

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        new WorkspaceLink("Analyse van de verhalen", id => $"/projecten/{id}/analyse", 30, _ => true),
        new WorkspaceLink("Duidingskader", id => $"/projecten/{id}/duidingskader", 80, p => p.CanManage),
    ];
}
