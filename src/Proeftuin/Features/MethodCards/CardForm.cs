using Microsoft.AspNetCore.Mvc.Rendering;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Features.MethodCards;

/// <summary>The fields of the add, edit and copy pages (bound as Input.*).</summary>
public sealed class CardForm
{
    public string? Place { get; set; }
    public string? Title { get; set; }
    public string? Purpose { get; set; }
    public string? Phase { get; set; }
    public string? Minutes { get; set; }
    public string? GroupMin { get; set; }
    public string? GroupMax { get; set; }
    public string? Materials { get; set; }
    public string? Steps { get; set; }
    public string? InclusionTips { get; set; }
    /// <summary>One choice per step, in order; empty ones are skipped.</summary>
    public List<string?> Forms { get; set; } = [];

    public CardInput ToInput() => new(Place, Title, Purpose, Phase, Minutes, GroupMin, GroupMax, Materials, Steps, InclusionTips, Forms);

    public static CardForm From(CardInput i) => new()
    {
        Place = i.Place,
        Title = i.Title,
        Purpose = i.Purpose,
        Phase = i.Phase,
        Minutes = i.Minutes,
        GroupMin = i.GroupMin,
        GroupMax = i.GroupMax,
        Materials = i.Materials,
        Steps = i.Steps,
        InclusionTips = i.InclusionTips,
        Forms = [.. i.Forms],
    };

    /// <summary>Always <see cref="MethodCardLimits.MaxForms"/> choices, so the page has a select for each.</summary>
    public void PadForms()
    {
        while (Forms.Count < MethodCardLimits.MaxForms) Forms.Add(null);
    }
}

/// <summary>What the shared fields partial needs: the form, and the places to choose from (none when the place is fixed).</summary>
public interface ICardFormPage
{
    CardForm Input { get; }
    IReadOnlyList<CardPlace> Places { get; }
}

public static class CardFormOptions
{
    public static IEnumerable<SelectListItem> FormItems() =>
        WorkForms.All.Select(t => new SelectListItem(t.Name, t.Form.ToString())).Prepend(new SelectListItem("Geen stap", ""));

    public static IEnumerable<SelectListItem> PhaseItems() => Shared.PhaseOptions.Items().Prepend(new SelectListItem("Kies een fase", ""));

    public static IEnumerable<SelectListItem> PlaceItems(Microsoft.Extensions.Localization.IStringLocalizer l, IReadOnlyList<CardPlace> places) =>
        places.Select(p => new SelectListItem(p.ProjectId is null ? l["Heel het programma {0}", p.Name].Value : l["Alleen project {0}", p.Name].Value, p.Value))
            .Prepend(new SelectListItem("Kies waar de werkvorm komt", ""));
}
