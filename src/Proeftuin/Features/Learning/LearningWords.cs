using Microsoft.AspNetCore.Mvc.Rendering;
using Proeftuin.Web;

namespace Proeftuin.Features.Learning;

/// <summary>Dutch words (localizer keys) for the learning agenda's enums, and the select options built from them.</summary>
public static class LearningWords
{
    public static string Label(this LearningStatus status) => status switch
    {
        LearningStatus.Open => "Open",
        LearningStatus.Exploring => "We zoeken het uit",
        LearningStatus.Answered => "Beantwoord",
        LearningStatus.Dropped => "Vervallen",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A status without words."),
    };

    public static string Label(this BarrierStatus status) => status switch
    {
        BarrierStatus.Noticed => "Gesignaleerd",
        BarrierStatus.Raised => "Aangekaart",
        BarrierStatus.Moved => "Weggenomen",
        BarrierStatus.Stays => "Blijft bestaan",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A status without words."),
    };

    /// <summary>Answered and dropped questions, moved and staying barriers: no longer on the open agenda.</summary>
    public static bool IsSettled(this LearningStatus status) => status is LearningStatus.Answered or LearningStatus.Dropped;

    public static bool IsSettled(this BarrierStatus status) => status is BarrierStatus.Moved or BarrierStatus.Stays;

    public static IEnumerable<SelectListItem> QuestionStatusItems() =>
        Enum.GetValues<LearningStatus>().Select(s => new SelectListItem(s.Label(), s.ToString()));

    public static IEnumerable<SelectListItem> BarrierStatusItems() =>
        Enum.GetValues<BarrierStatus>().Select(s => new SelectListItem(s.Label(), s.ToString()));
}

/// <summary>The API names of the learning agenda's enums (ADR 0017).</summary>
public static class LearningSlugs
{
    public static readonly ApiSlugs<LearningStatus> QuestionStatus = new(new Dictionary<LearningStatus, string>
    {
        [LearningStatus.Open] = "open",
        [LearningStatus.Exploring] = "exploring",
        [LearningStatus.Answered] = "answered",
        [LearningStatus.Dropped] = "dropped",
    });

    public static readonly ApiSlugs<BarrierStatus> BarrierStatus = new(new Dictionary<BarrierStatus, string>
    {
        [Learning.BarrierStatus.Noticed] = "noticed",
        [Learning.BarrierStatus.Raised] = "raised",
        [Learning.BarrierStatus.Moved] = "moved",
        [Learning.BarrierStatus.Stays] = "stays",
    });
}
