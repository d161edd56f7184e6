using Proeftuin.Features.Projects;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Features.MethodCards;

/// <summary>
/// A card as pages and the API show it, built-in or own. Key is the slug of a built-in card or the id of an own one.
/// Built-in texts are lists of sentences (<see cref="Materials"/>, <see cref="StepList"/>, <see cref="TipList"/>); an
/// own card has Materials as typed and its steps and tips as Markdown with rendered HTML.
/// </summary>
public sealed record CardView(
    string Key,
    int? Id,
    string Title,
    string Purpose,
    Phase Phase,
    int Minutes,
    int GroupMin,
    int GroupMax,
    IReadOnlyList<string> Materials,
    IReadOnlyList<string> StepList,
    IReadOnlyList<string> TipList,
    string Steps,
    string StepsHtml,
    string InclusionTips,
    string InclusionTipsHtml,
    IReadOnlyList<WorkForm> Forms,
    int? ProgrammeId,
    int? ProjectId,
    string? PlaceName,
    string? CopiedFromKey,
    string? CopiedFromTitle,
    DateTime? UpdatedAt)
{
    public bool IsBuiltIn => Id is null;
    public string Url => $"/werkvormen/{Key}";

    public static CardView Of(BuiltInCard c) => new(c.Slug, null, c.Title, c.Purpose, c.Phase, c.Minutes, c.GroupMin, c.GroupMax,
        c.Materials, c.Steps, c.InclusionTips, "", "", "", "", [c.Form], null, null, null, null, null, null);

    public static CardView Of(MethodCard c, string? placeName, string? copiedFromTitle)
    {
        var materials = c.Materials.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var copiedFrom = c.CopiedFromSlug ?? c.CopiedFromId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (c.CopiedFromSlug is { } slug) copiedFromTitle = BuiltInCards.BySlug(slug)?.Title;
        return new(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Id, c.Title, c.Purpose, c.Phase, c.Minutes, c.GroupMin, c.GroupMax,
            materials, [], [], c.Steps, c.StepsHtml, c.InclusionTips, c.InclusionTipsHtml, c.Forms, c.ProgrammeId, c.ProjectId, placeName,
            copiedFromTitle is null ? null : copiedFrom, copiedFromTitle, c.UpdatedAt);
    }
}

public static class CardWords
{
    /// <summary>"3 tot 30 mensen" / "4 mensen" / "vanaf 2 mensen".</summary>
    public static string GroupSize(Microsoft.Extensions.Localization.IStringLocalizer l, int min, int max) =>
        min == max ? l["{0} mensen", min].Value : l["{0} tot {1} mensen", min, max].Value;

    /// <summary>The steps a card lays out, as "Stil schrijven → Delen".</summary>
    public static string FormsLine(Microsoft.Extensions.Localization.IStringLocalizer l, IEnumerable<WorkForm> forms) =>
        string.Join(" → ", forms.Select(f => l[WorkForms.For(f).Name].Value));
}
