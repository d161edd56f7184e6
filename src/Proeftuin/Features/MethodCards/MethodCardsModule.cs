using Proeftuin.Web;

namespace Proeftuin.Features.MethodCards;

/// <summary>Werkvormenbibliotheek: the built-in werkvormen and the team's own as cards, to copy, print and plan a session from.</summary>
public sealed class MethodCardsModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<CardPlaces>();
        s.AddScoped<FindMethodCards>();
        s.AddScoped<GetMethodCard>();
        s.AddScoped<SaveMethodCard>();
        s.AddScoped<CopyMethodCard>();
        s.AddScoped<PlanSessionFromCards>();
        s.AddScoped<Privacy.IPersonalDataContributor, MethodCardsPersonalData>();
    }

    public override void Map(WebApplication app) => app.MapMethodCardsApi();

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        // Beside the sessions: the facilitators' werkvormen, to plan a session from.
        new WorkspaceLink("Werkvormen", id => $"/werkvormen?project={id}", 52, p => p.CanFacilitate),
    ];
}
