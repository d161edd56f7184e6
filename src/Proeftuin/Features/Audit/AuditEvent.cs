namespace Proeftuin.Features.Audit;

/// <summary>
/// One sensitive action in the audit log (logboek): who did what, when, on what. Never the content itself
/// (no story text, no e-mail body): the log must be safe to show to an admin and to keep for two years.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>The account that acted; null for a guest, a key holder or the system (retention), and after the actor's erasure.</summary>
    public string? ActorUserId { get; set; }
    /// <summary>How the actor took part when there is no account (<see cref="ActorKinds"/>).</summary>
    public string? ActorKind { get; set; }
    /// <summary>The project the action concerns, so facilitators see their project's part.</summary>
    public int? ProjectId { get; set; }
    /// <summary>What was acted on: "story", "membership", "account", "export", …, and its id.</summary>
    public string? SubjectType { get; set; }
    public string? SubjectId { get; set; }
    /// <summary>The person the action was about (a member whose role changed, an erased account).</summary>
    public string? SubjectUserId { get; set; }
    /// <summary>A short, content-free note: "Rol: Deelnemer → Procesbegeleider", a reason given by an admin.</summary>
    public string? Detail { get; set; }
}

/// <summary>Stored by name, so adding an action never renumbers old rows.</summary>
public enum AuditAction
{
    SignInLinkRequested,
    SignedIn,
    RoleChanged,
    MemberRemoved,
    InvitationSent,
    InvitationRevoked,
    ConsentChanged,
    StoryWithdrawn,
    StoriesExported,
    PersonalDataExported,
    AccountErasureRequested,
    AccountErased,
    AccountBlocked,
    AccountUnblocked,
    AdminSignInLinkSent,
    RetentionApplied,
    IdeaStatusChanged,
    // Issue 12 (prototypes): a facilitator turned ideas into a prototype.
    PrototypeCreated,
    // Experiments (issue 12)
    ExperimentStarted,
    ExperimentEnded,
    ExperimentResultsRecorded,
    ExperimentDecided,
    ExperimentsExported,
    // Gates (issue 12): a gate decision, an advice request, advice given.
    GateDecided,
    GateAdviceRequested,
    GateAdviceGiven,
    // Feedback (issue 12)
    FeedbackExported,
    // Experiments (issue 12, editing): the team changed a proef after it was set up.
    ExperimentEdited,
    // Lessons (issue 13): a lesson left the team for the library, or went back.
    LessonPublished,
    LessonMadeTeamOnly,
    // Reflections (issue 13): the evaluator's advice after a reflection.
    ReflectionAdviceGiven,
    // Review board (issue 13): an evaluator or external reviewer gave advice for the next gate, or withdrew it.
    ReviewAdviceGiven,
    ReviewAdviceWithdrawn,
    // Moderation (issue 14): a facilitator or admin hid, restored or edited a contribution, or kept it after reports.
    ContentHidden,
    ContentRestored,
    ContentEdited,
    ReportsDismissed,
    // Activities (issue 14): a facilitator cancelled an activity.
    ActivityCancelled,
    // Initiatives (issue 14): a facilitator or the municipality responded to a residents' initiative.
    InitiativeResponded,
}
