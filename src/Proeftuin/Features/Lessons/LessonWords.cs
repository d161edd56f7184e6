using Microsoft.AspNetCore.Mvc.Rendering;
using Proeftuin.Web;

namespace Proeftuin.Features.Lessons;

/// <summary>The Dutch words (localizer keys) and the stable page and API words of a lesson's result and visibility.</summary>
public static class LessonWords
{
    public static string Label(this LessonResult result) => result switch
    {
        LessonResult.Worked => "Werkte",
        LessonResult.DidNotWork => "Werkte niet",
        LessonResult.BrilliantFailure => "Briljante mislukking",
        _ => result.ToString(),
    };

    public static string Label(this LessonVisibility visibility) => visibility switch
    {
        LessonVisibility.Team => "Alleen het team",
        LessonVisibility.Public => "Openbaar",
        _ => visibility.ToString(),
    };

    public static IEnumerable<SelectListItem> ResultItems() =>
        Enum.GetValues<LessonResult>().Select(r => new SelectListItem(r.Label(), r.ToString()));

    public static IEnumerable<SelectListItem> VisibilityItems() =>
        Enum.GetValues<LessonVisibility>().Select(v => new SelectListItem(v.Label(), v.ToString()));

    // The library's filter words (?uitkomst=werkte): written out, so rewording a label keeps old links working.
    private static readonly Dictionary<LessonResult, string> PageWords = new()
    {
        [LessonResult.Worked] = "werkte",
        [LessonResult.DidNotWork] = "werkte-niet",
        [LessonResult.BrilliantFailure] = "briljante-mislukking",
    };

    public static string Slug(this LessonResult result) => PageWords[result];

    /// <summary>A result from the page word or the English API slug, any case; null for anything else.</summary>
    public static LessonResult? ResultFromSlug(string? slug) =>
        PageWords.Where(w => string.Equals(w.Value, slug, StringComparison.OrdinalIgnoreCase)).Select(w => (LessonResult?)w.Key).FirstOrDefault()
        ?? LessonSlugs.Result.Parse(slug);
}

public static class LessonSlugs
{
    public static readonly ApiSlugs<LessonResult> Result = new(new Dictionary<LessonResult, string>
    {
        [LessonResult.Worked] = "worked",
        [LessonResult.DidNotWork] = "did-not-work",
        [LessonResult.BrilliantFailure] = "brilliant-failure",
    });

    public static readonly ApiSlugs<LessonVisibility> Visibility = new(new Dictionary<LessonVisibility, string>
    {
        [LessonVisibility.Team] = "team",
        [LessonVisibility.Public] = "public",
    });
}
