using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>Prototypes: ideas made tangible, with the assumptions they test and their attachments.</summary>
public sealed class PrototypesModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddOptions<PrototypeOptions>().Bind(builder.Configuration.GetSection(PrototypeOptions.Section))
            .Validate(o => o.AttachmentMaxBytes is > 0 and <= 100 * 1024 * 1024, "Prototypes:AttachmentMaxBytes must be between 1 byte and 100 MB.")
            .ValidateOnStart();
        s.AddScoped<PrototypeAccess>();
        s.AddScoped<CreatePrototype>();
        s.AddScoped<EditPrototype>();
        s.AddScoped<GetPrototype>();
        s.AddScoped<ListPrototypes>();
        s.AddScoped<SaveAssumption>();
        s.AddScoped<RemoveAssumption>();
        s.AddScoped<AddAttachment>();
        s.AddScoped<RemoveAttachment>();
        s.AddScoped<GetAttachment>();
        s.AddScoped<Privacy.IPersonalDataContributor, PrototypesPersonalData>();
    }

    public override void Map(WebApplication app) => app.MapPrototypesApi();

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        // After the live sessions, where ideas are born: the design-thinking order.
        new WorkspaceLink("Prototypes", id => $"/projecten/{id}/prototypes", 55, _ => true),
    ];
}
