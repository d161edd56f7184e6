using Proeftuin.Web;

namespace Proeftuin.Features.Moderation;

/// <summary>Moderation (issue 14): "Melden" on every contribution, the queue, and hide / restore / edit-with-note / keep.</summary>
public sealed class ModerationModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddOptions<ModerationOptions>().Bind(builder.Configuration.GetSection(ModerationOptions.Section))
            .Validate(o => o.NewAccountHours >= 0 && o.NewAccountPerHour > 0, "Moderation:NewAccountHours must be 0 or more and Moderation:NewAccountPerHour above 0.")
            .ValidateOnStart();
        s.AddScoped<ModerationRules>();
        s.AddScoped<ReportContent>();
        s.AddScoped<ModerateContent>();
        s.AddScoped<GetModerationQueue>();
        s.AddScoped<GetModerationCase>();
        s.AddScoped<NewAccountLimit>();
        // The thread's kinds of contribution; other modules register theirs beside their own services.
        s.AddScoped<IModerationTarget, ItemTarget>();
        s.AddScoped<IModerationTarget, CommentTarget>();
        s.AddScoped<Privacy.IPersonalDataContributor, ModerationPersonalData>();
    }
}
