using Microsoft.AspNetCore.Mvc.Rendering;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>Dutch words (localizer keys) for the prototype's enums, and the select options built from them.</summary>
public static class PrototypeWords
{
    public static string Label(this PrototypeForm form) => form switch
    {
        PrototypeForm.Sketch => "Schets",
        PrototypeForm.RolePlay => "Rollenspel",
        PrototypeForm.MockUp => "Mock-up",
        PrototypeForm.Storyboard => "Storyboard",
        PrototypeForm.ServicePilot => "Dienst-pilot",
        PrototypeForm.Other => "Anders",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "A form without words."),
    };

    public static string Label(this AssumptionRisk risk) => risk switch
    {
        AssumptionRisk.Low => "Laag risico",
        AssumptionRisk.Medium => "Middelgroot risico",
        AssumptionRisk.High => "Hoog risico",
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, "A risk without words."),
    };

    public static string Label(this AssumptionCertainty certainty) => certainty switch
    {
        AssumptionCertainty.Sure => "Zeker: we weten het",
        AssumptionCertainty.Somewhat => "Een beetje zeker",
        AssumptionCertainty.Unsure => "Onzeker: we denken het maar",
        _ => throw new ArgumentOutOfRangeException(nameof(certainty), certainty, "A certainty without words."),
    };

    /// <summary>The axis ticks of the map: short, so they fit beside each other at 320 px.</summary>
    public static string Tick(this AssumptionRisk risk) => risk switch
    {
        AssumptionRisk.Low => "laag",
        AssumptionRisk.Medium => "midden",
        _ => "hoog",
    };

    public static string Tick(this AssumptionCertainty certainty) => certainty switch
    {
        AssumptionCertainty.Sure => "zeker",
        AssumptionCertainty.Somewhat => "een beetje",
        _ => "onzeker",
    };

    /// <summary>"120 kB", "2,5 MB".</summary>
    public static string Size(int bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, (bytes + 1023) / 1024)} kB"
        : (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")) + " MB";

    public const string TestFirst = "Eerst testen";

    public static IEnumerable<SelectListItem> FormItems() =>
        Enum.GetValues<PrototypeForm>().Select(f => new SelectListItem(f.Label(), f.ToString())).Prepend(new SelectListItem("Kies …", ""));

    /// <summary>Starts with an empty choice: the team decides, nothing is picked for them.</summary>
    public static IEnumerable<SelectListItem> RiskItems() =>
        Enum.GetValues<AssumptionRisk>().Reverse().Select(r => new SelectListItem(r.Label(), r.ToString())).Prepend(new SelectListItem("Kies …", ""));

    public static IEnumerable<SelectListItem> CertaintyItems() =>
        Enum.GetValues<AssumptionCertainty>().Select(c => new SelectListItem(c.Label(), c.ToString())).Prepend(new SelectListItem("Kies …", ""));
}

/// <summary>The API names of the prototype's enums (ADR 0017): written out, never the member names or the Dutch words.</summary>
public static class PrototypeSlugs
{
    public static readonly ApiSlugs<PrototypeForm> Form = new(new Dictionary<PrototypeForm, string>
    {
        [PrototypeForm.Sketch] = "sketch",
        [PrototypeForm.RolePlay] = "rolePlay",
        [PrototypeForm.MockUp] = "mockUp",
        [PrototypeForm.Storyboard] = "storyboard",
        [PrototypeForm.ServicePilot] = "servicePilot",
        [PrototypeForm.Other] = "other",
    });

    public static readonly ApiSlugs<AssumptionRisk> Risk = new(new Dictionary<AssumptionRisk, string>
    {
        [AssumptionRisk.Low] = "low",
        [AssumptionRisk.Medium] = "medium",
        [AssumptionRisk.High] = "high",
    });

    public static readonly ApiSlugs<AssumptionCertainty> Certainty = new(new Dictionary<AssumptionCertainty, string>
    {
        [AssumptionCertainty.Sure] = "sure",
        [AssumptionCertainty.Somewhat] = "somewhat",
        [AssumptionCertainty.Unsure] = "unsure",
    });
}
