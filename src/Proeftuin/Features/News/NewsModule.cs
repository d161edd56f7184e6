using Proeftuin.Web;

namespace Proeftuin.Features.News;

/// <summary>News items of programmes and projects.</summary>
public sealed class NewsModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SaveNewsItem>();
        builder.Services.AddScoped<GetNewsItem>();
        builder.Services.AddScoped<Privacy.IPersonalDataContributor, NewsPersonalData>();
    }
}
