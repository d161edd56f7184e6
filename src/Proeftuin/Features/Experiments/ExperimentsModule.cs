using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>Proeven: experiments in practice, their observations and measurements, results and decisions.</summary>
public sealed class ExperimentsModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<SetUpExperiment>();
        s.AddScoped<EditExperiment>();
        s.AddScoped<GetExperiment>();
        s.AddScoped<FindExperiments>();
        s.AddScoped<ChangeExperimentStatus>();
        s.AddScoped<LogObservation>();
        s.AddScoped<LogMeasurement>();
        s.AddScoped<RecordResults>();
        s.AddScoped<DecideExperiment>();
        s.AddScoped<ExportExperiments>();
        s.AddScoped<Privacy.IPersonalDataContributor, ExperimentsPersonalData>();
    }

    public override void Map(WebApplication app) => app.MapExperimentsApi();

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        new WorkspaceLink("Proeven", id => $"/projecten/{id}/proeven", 57, _ => true),
    ];
}
