using Proeftuin.Web;

namespace Proeftuin.Features.Learning;

/// <summary>Leren onderweg: the project's learning agenda (leervragen and systeembarrières, with evidence and history).</summary>
public sealed class LearningModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<SaveAgendaItem>();
        s.AddScoped<GetLearningAgenda>();
        s.AddScoped<GetAgendaItem>();
        s.AddScoped<ExportLearningAgenda>();
        s.AddScoped<Privacy.IPersonalDataContributor, LearningPersonalData>();
    }

    public override void Map(WebApplication app) => app.MapLearningApi();

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        // After the proeven and the gates: what the team learns from them.
        new WorkspaceLink("Leeragenda", id => $"/projecten/{id}/leeragenda", 58, _ => true),
    ];
}
