using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>Live sessions: plan, join by code, post-its, clusters, dot votes, ideas, the wall and the hub.</summary>
public sealed class SessionsModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
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
        s.AddScoped<Projects.IBalanceContributor, SessionBalance>();
        s.AddScoped<ManageParticipants>();
        s.AddScoped<ChooseTallyRule>();
        s.AddSingleton<ICatchUpAfterOutage<SessionHub>, SessionCatchUp>();
        builder.Services.AddScoped<Privacy.IPersonalDataContributor, SessionsPersonalData>();
    }

    public override void Map(WebApplication app)
    {
        app.MapSessionsApi();
        app.MapHub<SessionHub>(SessionHub.Path);
        // The old Dutch path, for one release only (ADR 0018): pages still open from before the update keep their connection.
        app.MapHub<SessionHub>(SessionHub.LegacyPath);
    }

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        // Sessions are for the people in the room: members and facilitators, not readers of an open project.
        new WorkspaceLink("Sessies", id => $"/projecten/{id}/sessies", 50, p => p.CanSeeWorkspace),
    ];
}
