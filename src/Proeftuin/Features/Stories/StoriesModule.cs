using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>Ervaringsverhalen: sharing, recording, consent, the teller's key.</summary>
public sealed class StoriesModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<ShareStory>();
        s.AddScoped<RecordStory>();
        s.AddScoped<ManagePrompts>();
        s.AddScoped<FindStories>();
        s.AddScoped<GetStory>();
        s.AddScoped<WithdrawStory>();
        s.AddScoped<ChangeConsent>();
        s.AddScoped<MailStoryLink>();
        builder.Services.AddScoped<Privacy.IPersonalDataContributor, StoriesPersonalData>();
    }

    public override void Map(WebApplication app) => app.MapStoriesApi();

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        new WorkspaceLink("Ervaringsverhalen", id => $"/projecten/{id}/verhalen", 10, _ => true),
        new WorkspaceLink("Verhaalvragen en deellink", id => $"/projecten/{id}/verhaalvragen", 65, p => p.CanManage),
        new WorkspaceLink("Verhaal optekenen", id => $"/projecten/{id}/verhalen/optekenen", 70, p => p.CanManage),
    ];
}
