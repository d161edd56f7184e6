using Proeftuin.Web;

namespace Proeftuin.Features.Review;

/// <summary>
/// The review board (issue 13): evaluators and external reviewers (ADR 0035) look across a project's learning agenda,
/// gates, experiment decisions and lessons, and write advice that shows beside the next gate.
/// </summary>
public sealed class ReviewModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<GetReviewBoard>();
        s.AddScoped<GetReviewAdvice>();
        s.AddScoped<WriteReviewAdvice>();
        s.AddScoped<Privacy.IPersonalDataContributor, ReviewPersonalData>();
    }

    public override void Map(WebApplication app) => app.MapReviewApi();

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        // After the lessons: who looks at the whole project from outside the team.
        new WorkspaceLink("Reviewbord", id => $"/projecten/{id}/review", 62, ReviewRules.MayRead),
    ];
}
