using System.Globalization;
using Proeftuin.Web;

namespace Proeftuin.Features.MethodCards;

/// <summary>
/// Copy and adapt: a built-in card or another card the caller may read becomes a new card in a place the caller keeps.
/// The copy form starts with the source's content (a built-in card's lists become Markdown lists), so adapting it is
/// part of copying; the copy remembers its source.
/// </summary>
public sealed class CopyMethodCard(GetMethodCard get, SaveMethodCard save)
{
    /// <summary>The source and the form filled in from it; NotFound when there is no card to read, Forbidden for who keeps no place.</summary>
    public async Task<Outcome<(CardView Source, CardInput Input)>> PrepareAsync(string? key, CancellationToken ct = default)
    {
        var source = await get.ViewAsync(key, ct);
        if (source is null) return Outcome<(CardView, CardInput)>.NotFound();
        var allowed = await save.CanAddAsync(ct);
        if (!allowed.IsOk) return Outcome<(CardView, CardInput)>.Forbidden();
        return Outcome<(CardView, CardInput)>.Ok((source, InputFrom(source)));
    }

    public async Task<Outcome<MethodCard>> RunAsync(string? key, CardInput input, CancellationToken ct = default)
    {
        var prepared = await PrepareAsync(key, ct);
        if (!prepared.IsOk) return prepared.Status == OutcomeStatus.NotFound ? Outcome<MethodCard>.NotFound() : Outcome<MethodCard>.Forbidden();
        var source = prepared.Value.Source;
        return await save.AddAsync(input, source.IsBuiltIn ? new CopySource(source.Key, null) : new CopySource(null, source.Id), ct);
    }

    /// <summary>A card's content in the form's shape.</summary>
    public static CardInput InputFrom(CardView c) => new(
        c.ProjectId is { } project ? $"project-{project}" : null,
        c.Title,
        c.Purpose,
        c.Phase.ToString(),
        c.Minutes.ToString(CultureInfo.InvariantCulture),
        c.GroupMin.ToString(CultureInfo.InvariantCulture),
        c.GroupMax.ToString(CultureInfo.InvariantCulture),
        string.Join('\n', c.Materials),
        c.IsBuiltIn ? string.Join('\n', c.StepList.Select((s, i) => $"{i + 1}. {s}")) : c.Steps,
        c.IsBuiltIn ? string.Join('\n', c.TipList.Select(t => "- " + t)) : c.InclusionTips,
        [.. c.Forms.Select(f => f.ToString())]);
}
