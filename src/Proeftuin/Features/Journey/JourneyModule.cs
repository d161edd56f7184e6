using Proeftuin.Web;

namespace Proeftuin.Features.Journey;

/// <summary>De innovatiereis: the project's kwesties, leermomenten and antwoorden on a timeline with its phases, gates and proeven.</summary>
public sealed class JourneyModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<SaveJourneyEntry>();
        s.AddScoped<GetJourney>();
        s.AddScoped<GetJourneyEntry>();
        s.AddScoped<GetJourneyReport>();
    }

    public override void Map(WebApplication app) => app.MapJourneyApi();

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        new WorkspaceLink("Innovatiereis", id => $"/projecten/{id}/innovatiereis", 59, _ => true),
    ];
}
