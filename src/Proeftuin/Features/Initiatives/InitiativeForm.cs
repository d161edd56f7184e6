using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>The start and edit form (bound as Input.*). Choices and numbers arrive as text and are read here, so a wrong value gets a plain Dutch message.</summary>
public sealed class InitiativeForm
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? What { get; set; }
    public string? Why { get; set; }
    public string? ForWhom { get; set; }
    public string? Needed { get; set; }
    public string? Threshold { get; set; }
    public string? RespondsTo { get; set; }
    public List<string> CoInitiators { get; set; } = [];
    /// <summary>"true" when ticked; text, so anything else is simply not ticked.</summary>
    public string? ClosePledges { get; set; }

    public bool Closing => ClosePledges == "true";

    /// <summary>A whole number typed in a field; -1 (refused by the use case) for anything else that is not empty.</summary>
    public static int? Number(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    public InitiativeInput ToInput() => new(Validation.ExactName<InitiativeType>(Type), Title, What, Why, ForWhom, Needed, Number(Threshold),
        Number(RespondsTo) is { } r and > 0 ? r : string.IsNullOrWhiteSpace(RespondsTo) ? null : -1);

    public static InitiativeForm From(Initiative i) => new()
    {
        Type = i.Type.ToString(),
        Title = i.Title,
        What = i.What,
        Why = i.Why,
        ForWhom = i.ForWhom,
        Needed = i.Needed,
        Threshold = i.Threshold.ToString(CultureInfo.InvariantCulture),
        RespondsTo = i.RespondsToItemId?.ToString(CultureInfo.InvariantCulture),
        ClosePledges = i.PledgesClosedAt is not null ? "true" : null,
    };

    public static IEnumerable<SelectListItem> Types() =>
        Enum.GetValues<InitiativeType>().Select(t => new SelectListItem(t.Label(), t.ToString()));
}

/// <summary>The pledge form (bound as PledgeInput.*).</summary>
public sealed class PledgeForm
{
    public string? Kind { get; set; }
    public string? Hours { get; set; }
    public string? Bring { get; set; }
    public string? IfOthers { get; set; }

    public PledgeInput ToInput() => new(Validation.ExactName<PledgeKind>(Kind), InitiativeForm.Number(Hours), Bring, InitiativeForm.Number(IfOthers));
}

/// <summary>What the start and edit pages share with the fields partial.</summary>
public interface IInitiativeFormPage
{
    InitiativeForm Input { get; }
    /// <summary>The item it grows from, when there is one to show (title), and whether the field is offered at all.</summary>
    string? OriginTitle { get; }
    bool InProject { get; }
    bool ThresholdFixed { get; }
}
