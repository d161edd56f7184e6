using Proeftuin.Web;

namespace Proeftuin.Features.Reflections;

/// <summary>Reflectiemomenten (lerend evalueren): plan a reflection, answer its prompts (team and guests), write its outcome.</summary>
public sealed class ReflectionsModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<PlanReflection>();
        s.AddScoped<AnswerReflection>();
        s.AddScoped<WriteReflectionOutcome>();
        s.AddScoped<GatherInSession>();
        s.AddScoped<GetReflection>();
        s.AddScoped<GetReflections>();
        s.AddScoped<Privacy.IPersonalDataContributor, ReflectionsPersonalData>();
    }

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        // Beside the learning agenda and the journey: where the team stops to look back.
        new WorkspaceLink("Reflecties", id => $"/projecten/{id}/reflecties", 61, _ => true),
    ];
}
