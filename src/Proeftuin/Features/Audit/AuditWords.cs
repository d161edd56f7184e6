using Proeftuin.Features.Stories;

namespace Proeftuin.Features.Audit;

/// <summary>What an entry is about (AuditEvent.SubjectType): stable English words in the data, Dutch words on the page.</summary>
public static class AuditSubjects
{
    public const string Story = "story";
    public const string Membership = "membership";
    public const string Invitation = "invitation";
    public const string Account = "account";
    public const string Project = "project";
    public const string Retention = "retention";
}

/// <summary>The Dutch words (B1) for the audit log's actions, actors and subjects, and its short, content-free details.</summary>
public static class AuditWords
{
    public const string FormerParticipant = "oud-deelnemer";
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
        _ => action.ToString(),
    };

    /// <summary>Who acted, when there is no account name to show.</summary>
    public static string ActorKindLabel(string? kind) => kind switch
    {
        ActorKinds.System => SystemActor,
        ActorKinds.Guest => "Gast in een sessie",
        ActorKinds.KeyHolder => "Verteller met eigen link",
        ActorKinds.Anonymous => "Iemand zonder account",
        _ => FormerParticipant,
    };

    public static string SubjectLabel(string? type) => type switch
    {
        AuditSubjects.Story => "Verhaal",
        AuditSubjects.Membership => "Lidmaatschap",
        AuditSubjects.Invitation => "Uitnodiging",
        AuditSubjects.Account => "Account",
        AuditSubjects.Project => "Project",
        AuditSubjects.Retention => "Bewaartermijnen",
        null or "" => "",
        _ => type,
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

    private static string Short(ConsentScope scope) => scope switch
    {
        ConsentScope.Team => "team",
        ConsentScope.Project => "project",
        ConsentScope.PublicAnonymised => "iedereen zonder naam",
        _ => scope.ToString(),
    };
}
