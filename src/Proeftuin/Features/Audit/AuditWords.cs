using Proeftuin.Features.Stories;

namespace Proeftuin.Features.Audit;

/// <summary>
/// What an entry is about (AuditEvent.SubjectType): stable English codes in the data, Dutch words on the page.
/// Static readonly, not const: codes, not texts for the i18n key scan.
/// </summary>
public static class AuditSubjects
{
    public static readonly string Story = "story";
    public static readonly string Membership = "membership";
    public static readonly string Invitation = "invitation";
    public static readonly string Account = "account";
    public static readonly string Project = "project";
    public static readonly string Retention = "retention";
    public static readonly string Idea = "idea";
    public static readonly string Prototype = "prototype";
    public static readonly string Experiment = "experiment";
    public static readonly string Lesson = "lesson";
    public static readonly string Reflection = "reflection";
    public static readonly string ReviewAdvice = "review-advice";
    /// <summary>Any contribution under moderation; the subject id is "{kind}/{id}" (bijdrage/12, reactie/7).</summary>
    public static readonly string Contribution = "contribution";
    public static readonly string Activity = "activity";
    public static readonly string Initiative = "initiative";
}

/// <summary>The Dutch words (B1) for the audit log's actions, actors and subjects, and its short, content-free details.</summary>
public static class AuditWords
{
    public const string FormerParticipant = Privacy.FormerMember.Name;
    public const string SystemActor = "Proeftuin (automatisch)";

    public static string Label(this AuditAction action) => action switch
    {
        AuditAction.SignInLinkRequested => "Inloglink gevraagd",
        AuditAction.SignedIn => "Ingelogd",
        AuditAction.RoleChanged => "Rol gewijzigd",
        AuditAction.MemberRemoved => "Lid verwijderd uit project",
        AuditAction.InvitationSent => "Uitnodiging gemaakt",
        AuditAction.InvitationRevoked => "Uitnodiging ingetrokken",
        AuditAction.ConsentChanged => "Toestemming aangepast",
        AuditAction.StoryWithdrawn => "Verhaal ingetrokken",
        AuditAction.StoriesExported => "Verhalen gedownload",
        AuditAction.PersonalDataExported => "Eigen gegevens gedownload",
        AuditAction.AccountErasureRequested => "Verwijderen van account gevraagd",
        AuditAction.AccountErased => "Account verwijderd",
        AuditAction.AccountBlocked => "Account geblokkeerd",
        AuditAction.AccountUnblocked => "Account gedeblokkeerd",
        AuditAction.AdminSignInLinkSent => "Inloglink gestuurd door beheerder",
        AuditAction.RetentionApplied => "Bewaartermijnen toegepast",
        AuditAction.IdeaStatusChanged => "Status van een idee gewijzigd",
        AuditAction.PrototypeCreated => "Prototype gemaakt",
        AuditAction.ExperimentStarted => "Proef gestart",
        AuditAction.ExperimentEnded => "Proef afgerond",
        AuditAction.ExperimentResultsRecorded => "Resultaten van een proef vastgelegd",
        AuditAction.ExperimentDecided => "Besluit over een proef genomen",
        AuditAction.ExperimentsExported => "Proeven gedownload",
        AuditAction.GateDecided => "Besluit over de fase genomen",
        AuditAction.GateAdviceRequested => "Advies gevraagd over de fase",
        AuditAction.GateAdviceGiven => "Advies gegeven over de fase",
        AuditAction.FeedbackExported => "Feedback van deelnemers gedownload",
        AuditAction.ExperimentEdited => "Proef aangepast",
        AuditAction.LessonPublished => "Les openbaar gemaakt",
        AuditAction.LessonMadeTeamOnly => "Les weer alleen voor het team",
        AuditAction.ReflectionAdviceGiven => "Advies gegeven na een reflectie",
        AuditAction.ReviewAdviceGiven => "Reviewadvies gegeven",
        AuditAction.ReviewAdviceWithdrawn => "Reviewadvies ingetrokken",
        AuditAction.ContentHidden => "Bijdrage verborgen door moderatie",
        AuditAction.ContentRestored => "Bijdrage weer zichtbaar gemaakt",
        AuditAction.ContentEdited => "Bijdrage aangepast door moderatie",
        AuditAction.ReportsDismissed => "Meldingen bekeken, bijdrage blijft staan",
        AuditAction.ActivityCancelled => "Activiteit afgelast",
        AuditAction.InitiativeResponded => "Gereageerd op een initiatief",
        _ => action.ToString(),
    };

    /// <summary>Who acted, when there is no account name to show.</summary>
    public static string ActorKindLabel(string? kind) =>
        kind is not null && ActorLabels.TryGetValue(kind, out var label) ? label : FormerParticipant;

    private static readonly Dictionary<string, string> ActorLabels = new(StringComparer.Ordinal)
    {
        [ActorKinds.System] = SystemActor,
        [ActorKinds.Guest] = "Gast in een sessie",
        [ActorKinds.KeyHolder] = "Verteller met eigen link",
        [ActorKinds.Teller] = "De verteller zelf",
        [ActorKinds.Anonymous] = "Iemand zonder account",
    };

    public static string SubjectLabel(string? type) =>
        type is null ? "" : SubjectLabels.TryGetValue(type, out var label) ? label : type;

    private static readonly Dictionary<string, string> SubjectLabels = new(StringComparer.Ordinal)
    {
        [AuditSubjects.Story] = "Verhaal",
        [AuditSubjects.Membership] = "Lidmaatschap",
        [AuditSubjects.Invitation] = "Uitnodiging",
        [AuditSubjects.Account] = "Account",
        [AuditSubjects.Project] = "Project",
        [AuditSubjects.Retention] = "Bewaartermijnen",
        [AuditSubjects.Idea] = "Idee",
        [AuditSubjects.Prototype] = "Prototype",
        [AuditSubjects.Experiment] = "Proef",
        [AuditSubjects.Lesson] = "Les",
        [AuditSubjects.Reflection] = "Reflectie",
        [AuditSubjects.ReviewAdvice] = "Reviewadvies",
        [AuditSubjects.Contribution] = "Bijdrage",
        [AuditSubjects.Activity] = "Activiteit",
        [AuditSubjects.Initiative] = "Initiatief",
    };

    /// <summary>"Bereik: project → team; citeren: ja → nee; naam weggehaald" — what changed, never the story.</summary>
    public static string ConsentDetail(ConsentScope from, ConsentScope to, bool quoteFrom, bool quoteTo, bool nameRemoved, bool byTeller)
    {
        var parts = new List<string>();
        if (from != to) parts.Add($"Bereik: {Short(from)} → {Short(to)}");
        if (quoteFrom != quoteTo) parts.Add($"citeren: {(quoteFrom ? "ja" : "nee")} → {(quoteTo ? "ja" : "nee")}");
        if (nameRemoved) parts.Add("naam weggehaald");
        parts.Add(byTeller ? "door de verteller" : "op verzoek van de verteller");
        return string.Join("; ", parts);
    }

    // Stored in the entry as it is (the log keeps what was said at the time); lower case, as in a sentence.
    private static string Short(ConsentScope scope) =>
        scope == ConsentScope.PublicAnonymised ? "iedereen zonder naam" : scope.ToString().ToLowerInvariant();
}
