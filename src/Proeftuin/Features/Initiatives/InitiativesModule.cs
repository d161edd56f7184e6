using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>Initiatives of residents with conditional pledges (issue 14): start, pledge, threshold, response, API.</summary>
public sealed class InitiativesModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<InitiativeRules>();
        s.AddScoped<Moderation.IModerationTarget, InitiativeTarget>();
        s.AddScoped<InitiativeNotices>();
        s.AddScoped<StartInitiative>();
        s.AddScoped<EditInitiative>();
        s.AddScoped<PledgeToInitiative>();
        s.AddScoped<RespondToInitiative>();
        s.AddScoped<GetInitiative>();
        s.AddScoped<FindInitiatives>();
        s.AddScoped<Privacy.IPersonalDataContributor, InitiativesPersonalData>();
    }

    public override void Map(WebApplication app) => app.MapInitiativesApi();

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        // After the ideas: what residents start themselves, often from an idea.
        new WorkspaceLink("Initiatieven", id => $"/initiatieven?project={id}", 26, _ => true),
    ];
}
