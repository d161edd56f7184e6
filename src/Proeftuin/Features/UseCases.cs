using Proeftuin.Features.Accounts;
using Proeftuin.Features.Members;
using Proeftuin.Features.News;
using Proeftuin.Features.Programmes;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Signification;
using Proeftuin.Web;

namespace Proeftuin.Features;

public static class UseCases
{
    /// <summary>Every use case, listed by hand: pages, API and hubs resolve the same classes.</summary>
    public static WebApplicationBuilder AddUseCases(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<PublicUrl>();
        s.AddScoped<RegisterAccount>();
        s.AddScoped<RequestSignInLink>();
        s.AddScoped<UseSignInLink>();
        s.AddScoped<UpdateAccount>();
        s.AddScoped<SetPassword>();
        s.AddScoped<GetProgrammeOverview>();
        s.AddScoped<SaveProgramme>();
        s.AddScoped<ManagePartners>();
        s.AddScoped<FindProjects>();
        s.AddScoped<GetProjectOverview>();
        s.AddScoped<CreateProject>();
        s.AddScoped<EditProject>();
        s.AddScoped<MovePhase>();
        s.AddScoped<InviteMember>();
        s.AddScoped<AcceptInvitation>();
        s.AddScoped<ChangeMember>();
        s.AddScoped<SaveNewsItem>();
        s.AddScoped<GetNewsItem>();
        s.AddScoped<ManageThemes>();
        s.AddScoped<GetFramework>();
        s.AddScoped<SaveFramework>();
        s.AddScoped<SignifyStory>();
        s.AddScoped<GetAnalysis>();
        s.AddScoped<ExportStories>();
        return builder;
    }
}
