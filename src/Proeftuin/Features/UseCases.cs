using Proeftuin.Features.Accounts;
using Proeftuin.Features.Members;
using Proeftuin.Features.News;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Programmes;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Signification;
using Proeftuin.Features.Sessions;
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
        s.AddScoped<ThreadAccess>();
        s.AddScoped<SaveItem>();
        s.AddScoped<DeleteItem>();
        s.AddScoped<SaveJourneyStep>();
        s.AddScoped<GetItem>();
        s.AddScoped<FindItems>();
        s.AddScoped<SaveLink>();
        s.AddScoped<SaveComment>();
        s.AddScoped<GetItemThread>();
        s.AddScoped<GetTrace>();
        s.AddScoped<GetStoryOutcome>();
        s.AddScoped<SearchProject>();
        s.AddScoped<NotifyTeller>();
        s.AddScoped<GetNotifications>();
        s.AddScoped<ShareStory>();
        s.AddScoped<RecordStory>();
        s.AddScoped<ManagePrompts>();
        s.AddScoped<FindStories>();
        s.AddScoped<GetStory>();
        s.AddScoped<WithdrawStory>();
        s.AddScoped<ChangeConsent>();
        s.AddScoped<MailStoryLink>();
        s.AddScoped<GetFramework>();
        s.AddScoped<SaveFramework>();
        s.AddScoped<SignifyStory>();
        s.AddScoped<GetAnalysis>();
        s.AddScoped<ExportStories>();
        s.AddScoped<SessionAccess>();
        s.AddScoped<SessionEvents>();
        s.AddScoped<GetSessionState>();
        s.AddScoped<JoinSession>();
        s.AddScoped<PlanSession>();
        s.AddScoped<RunSession>();
        s.AddScoped<MarkDone>();
        s.AddScoped<MakeIdea>();
        s.AddScoped<GetIdeaOrigin>();
        s.AddScoped<GetSessionSummary>();
        s.AddScoped<WriteNote>();
        s.AddScoped<ClusterNotes>();
        s.AddScoped<CastVote>();
        s.AddScoped<GetResults>();
        // People (issue 9): Mijn Proeftuin, admins manage people, invitations can be revoked.
        s.AddScoped<Mine.GetMyOverview>();
        s.AddScoped<Admin.FindPeople>();
        s.AddScoped<Admin.BlockAccount>();
        s.AddScoped<Admin.MailSignInLink>();
        s.AddScoped<ManageInvitations>();
        // Audit log (issue 10).
        s.AddScoped<Audit.AuditLog>();
        s.AddScoped<Audit.FindAuditEvents>();
        // Retention (issue 10): the periods, the use case, and the hosted job that runs it.
        s.Configure<Retention.RetentionOptions>(builder.Configuration.GetSection(Retention.RetentionOptions.Section));
        s.AddScoped<Retention.ApplyRetention>();
        s.AddHostedService<Retention.RetentionJob>();
        return builder;
    }
}
