using Proeftuin.Web;

namespace Proeftuin.Features.Feedback;

/// <summary>Feedback from test participants without an account: short forms for a proef, shared by link, QR code or printed slip.</summary>
public sealed class FeedbackModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddOptions<FeedbackOptions>().Bind(builder.Configuration.GetSection("Feedback"))
            .Validate(o => o.MaxResponsesPerForm > 0 && o.MaxSlipsPerForm > 0, "Feedback:MaxResponsesPerForm and Feedback:MaxSlipsPerForm must be above 0.")
            .ValidateOnStart();
        s.AddScoped<FeedbackAccess>();
        s.AddScoped<CreateFeedbackForm>();
        s.AddScoped<ManageFeedbackForms>();
        s.AddScoped<AnswerFeedback>();
        s.AddScoped<FeedbackResults>();
        s.AddScoped<FeedbackEvidenceLookup>();
        s.AddScoped<ExportFeedback>();
        s.AddScoped<Privacy.IPersonalDataContributor, FeedbackPersonalData>();
    }
}
