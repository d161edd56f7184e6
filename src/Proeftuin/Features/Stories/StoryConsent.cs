using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>
/// Who may read which story: the one place the consent scope is enforced, for pages, API, trace view,
/// search, export and notifications alike. A withdrawn story is readable by nobody.
/// Admins are not the team: they read what anyone who may read the project reads (ADR 0008).
/// </summary>
public static class StoryConsent
{
    /// <summary>The caller already may read the project (permissions exist); now the story's own scope.</summary>
    public static bool CanRead(this ProjectPermissions p, Story s) =>
        !s.IsWithdrawn && (IsTeller(p, s) || s.Scope != ConsentScope.Team || p.IsTeam);

    /// <summary>The same rule as a query, for lists, search and export.</summary>
    public static IQueryable<Story> ReadableBy(this IQueryable<Story> stories, ProjectPermissions p)
    {
        var userId = p.UserId;
        var team = p.IsTeam;
        return stories.Where(s => s.ProjectId == p.ProjectId && s.WithdrawnAt == null
            && (team || s.Scope != ConsentScope.Team || (userId != null && s.TellerId == userId)));
    }

    public static bool IsTeller(this ProjectPermissions p, Story s) => p.UserId is not null && s.TellerId == p.UserId;

    /// <summary>
    /// A teller without an account holds a private key (shown once, as a link) to read, signify and withdraw
    /// their own story, even in a project they cannot otherwise read. Only its hash is stored.
    /// </summary>
    public static bool KeyMatches(Story s, string? key) =>
        s.TellerKeyHash is not null && StoryKeys.LooksValid(key) && s.TellerKeyHash == StoryKeys.Hash(key!);

    /// <summary>
    /// The teller themselves: their account or their private key. Not the facilitator who recorded the story: only the
    /// teller may widen their consent (see <c>ChangeConsent</c>).
    /// </summary>
    public static bool IsTellerOrKeyHolder(Story s, string? userId, string? key) =>
        (userId is not null && s.TellerId == userId) || KeyMatches(s, key);

    /// <summary>The same for the caller: their account, or the story key they presented.</summary>
    public static bool IsTellerOrKeyHolder(Story s, Caller caller) => IsTellerOrKeyHolder(s, caller.Id, caller.StoryKey);

    public static bool KeyMatches(Story s, Caller caller) => KeyMatches(s, caller.StoryKey);

    /// <summary>
    /// Who may act for the teller (signify, withdraw, see what became of it): the teller's account, the holder
    /// of the private key, or the facilitator who recorded it on their behalf — only while still on the team:
    /// someone who left the project no longer speaks for anyone in it.
    /// </summary>
    public static bool MaySpeakFor(Story s, string? userId, string? key, ProjectPermissions? p) =>
        (userId is not null && (s.TellerId == userId || (s.RecordedById == userId && p?.IsTeam == true))) || KeyMatches(s, key);

    public static bool MaySpeakFor(Story s, Caller caller, ProjectPermissions? p) => MaySpeakFor(s, caller.Id, caller.StoryKey, p);

    /// <summary>Outside the team, a PublicAnonymised story shows no name and no details about who recorded it.</summary>
    public static bool IsAnonymisedFor(this ProjectPermissions p, Story s) =>
        s.Scope == ConsentScope.PublicAnonymised && !p.IsTeam && !IsTeller(p, s);

    /// <summary>The name shown: the teller's chosen name, else a pseudonym; never a name when anonymised.</summary>
    public static string ShownName(this ProjectPermissions p, Story s) => ShownName(s.Id, s.TellerName, p.IsAnonymisedFor(s));

    public static string ShownName(Story s) => ShownName(s.Id, s.TellerName, anonymised: false);

    /// <summary>The one naming rule; pages pass their localizer, the thread's Dutch texts do not.</summary>
    public static string ShownName(int storyId, string? tellerName, bool anonymised, IStringLocalizer? l = null) =>
        anonymised ? Localized(l, "Anonieme verteller")
        : string.IsNullOrWhiteSpace(tellerName) ? Localized(l, "Verteller {0}", storyId)
        : tellerName;

    private static string Localized(IStringLocalizer? l, string key, params object[] args) =>
        l is null ? string.Format(System.Globalization.CultureInfo.InvariantCulture, key, args) : l[key, args];

    /// <summary>The same choice in the third person, for the facilitator who records or narrows on someone's behalf.</summary>
    public static string LabelForOther(this ConsentScope scope) => scope switch
    {
        ConsentScope.PublicAnonymised => "Iedereen die het project kan zien, zonder de naam van de verteller",
        _ => scope.Label(),
    };

    public static string Label(this ConsentScope scope) => scope switch
    {
        ConsentScope.Team => "Alleen het projectteam",
        ConsentScope.Project => "Iedereen die het project kan zien",
        ConsentScope.PublicAnonymised => "Iedereen die het project kan zien, zonder mijn naam",
        _ => scope.ToString(),
    };
}
