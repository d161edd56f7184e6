using Proeftuin.Web;

namespace Proeftuin.Features.Offers;

/// <summary>Vraag en aanbod (issue 14): offers and requests of time, space, skills and things, matches and private replies.</summary>
public sealed class OffersModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<OfferRules>();
        s.AddScoped<Moderation.IModerationTarget, OfferTarget>();
        s.AddScoped<OfferNotices>();
        s.AddScoped<PostOffer>();
        s.AddScoped<EditOffer>();
        s.AddScoped<SuggestMatch>();
        s.AddScoped<SendOfferMessage>();
        s.AddScoped<GetOffer>();
        s.AddScoped<FindOffers>();
        s.AddScoped<Privacy.IPersonalDataContributor, OffersPersonalData>();
    }

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        // Beside the initiatives: what people offer and look for to get things done together.
        new WorkspaceLink("Vraag en aanbod", id => $"/vraag-en-aanbod?project={id}", 27, _ => true),
    ];
}
