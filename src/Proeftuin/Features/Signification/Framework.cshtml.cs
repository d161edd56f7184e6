using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Signification;

/// <summary>/projecten/{id}/duidingskader: facilitators add, change, remove and reorder the questions tellers answer about their story.</summary>
[Authorize]
public sealed class FrameworkModel(SaveFramework save, IStringLocalizer<SharedResource> l) : PageModel
{
    public FrameworkView Framework { get; private set; } = null!;

    /// <summary>The signifier being changed (?vraag=id), or null.</summary>
    [BindProperty(SupportsGet = true, Name = "vraag")] public string? EditId { get; set; }
    /// <summary>A new signifier of this type being made (?nieuw=triad).</summary>
    [BindProperty(SupportsGet = true, Name = "nieuw")] public SignifierType? NewType { get; set; }

    /// <summary>The signifier whose removal is being confirmed (?weghalen=id), or null.</summary>
    [BindProperty(SupportsGet = true, Name = "weghalen")] public string? RemoveId { get; set; }

    [BindProperty] public SignifierForm Input { get; set; } = new();

    public bool IsEditing { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (EditId is not null)
        {
            var signifier = Framework.Definition.Find(EditId);
            if (signifier is null) return NotFound();
            Input = SignifierForm.From(signifier);
            IsEditing = true;
        }
        else if (RemoveId is not null && Framework.Definition.Find(RemoveId) is null)
        {
            return NotFound();
        }
        else if (NewType is { } type && Enum.IsDefined(type))
        {
            Input = SignifierForm.Blank(type);
            IsEditing = true;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, int version, string? originalId)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        IsEditing = true;
        EditId = originalId;
        Input.Pad();
        if (!ModelState.IsValid) return Page();
        var outcome = await save.SaveSignifierAsync(id, version, string.IsNullOrEmpty(originalId) ? null : originalId, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return Failed(outcome);
        this.Flash("De vraag is opgeslagen.");
        return Redirect($"/projecten/{id}/duidingskader");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int version, string signifierId)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var outcome = await save.RemoveAsync(id, version, signifierId ?? "", HttpContext.RequestAborted);
        if (!outcome.IsOk) return Failed(outcome);
        this.Flash("De vraag is weggehaald. Antwoorden die er al op gegeven zijn, blijven bewaard.");
        return Redirect($"/projecten/{id}/duidingskader");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int version, string signifierId, string? direction)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var outcome = await save.MoveAsync(id, version, signifierId ?? "", direction == "up", HttpContext.RequestAborted);
        if (!outcome.IsOk) return Failed(outcome);
        this.Flash("De volgorde is aangepast.");
        return Redirect($"/projecten/{id}/duidingskader");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var loaded = await save.LoadAsync(id, HttpContext.RequestAborted);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        Framework = loaded.Value!;
        return null;
    }

    /// <summary>Errors without a field (a clash with someone else's change) go to the summary only.</summary>
    private IActionResult Failed(Outcome<FrameworkView> outcome)
    {
        if (outcome.Status != OutcomeStatus.Invalid) return this.Fail(outcome, l);
        foreach (var e in outcome.Errors)
            ModelState.AddModelError(e.Field.Length == 0 ? "" : "Input." + e.Field, e.Localize(l));
        return Page();
    }
}

public sealed class LabelForm
{
    public string? Id { get; set; }
    public string? Text { get; set; }
}

/// <summary>The editor's form: fixed rows for a triad's anchors and a dyad's poles, blank rows to fill for stones and list items.</summary>
public sealed class SignifierForm
{
    public string? Id { get; set; }
    public SignifierType Type { get; set; }
    public string? Title { get; set; }
    public bool AllowNa { get; set; }
    public bool Required { get; set; }
    public List<LabelForm> Labels { get; set; } = [];
    public string? XStart { get; set; }
    public string? XEnd { get; set; }
    public string? YStart { get; set; }
    public string? YEnd { get; set; }
    public bool Multiple { get; set; }

    public int Rows => Type switch
    {
        SignifierType.Triad => 3,
        SignifierType.Dyad => 2,
        SignifierType.Stones => FrameworkLimits.MaxStones,
        _ => FrameworkLimits.MaxItems,
    };

    /// <summary>Adds blank rows up to the number the form shows (never removes what was typed).</summary>
    public SignifierForm Pad()
    {
        while (Labels.Count < Rows) Labels.Add(new LabelForm());
        return this;
    }

    public static SignifierForm Blank(SignifierType type) => new SignifierForm { Type = type, AllowNa = true }.Pad();

    public static SignifierForm From(Signifier s) => new SignifierForm
    {
        Id = s.Id,
        Type = s.Type,
        Title = s.Title,
        AllowNa = s.AllowNa,
        Required = s.Required,
        Labels = (s.Type switch
        {
            SignifierType.Stones => s.Stones,
            SignifierType.List => s.Items,
            _ => s.Labels,
        } ?? []).Select(x => new LabelForm { Id = x.Id, Text = x.Text }).ToList(),
        XStart = s.XAxis?.StartLabel,
        XEnd = s.XAxis?.EndLabel,
        YStart = s.YAxis?.StartLabel,
        YEnd = s.YAxis?.EndLabel,
        Multiple = s.Multiple,
    }.Pad();

    public SignifierInput ToInput() => new(Id, Type, Title, AllowNa, Required,
        Labels.Select(x => new LabelInput(x.Id, x.Text)).ToList(), XStart, XEnd, YStart, YEnd, Multiple);
}

public static class SignificationWords
{
    public static string Label(this SignifierType type) => type switch
    {
        SignifierType.Triad => "Driehoek",
        SignifierType.Dyad => "Schuifbalk",
        SignifierType.Stones => "Stenen op een veld",
        SignifierType.List => "Keuzevraag",
        _ => type.ToString(),
    };

    /// <summary>What the rows of the form are called, per type.</summary>
    public static string RowLabel(this SignifierType type, int index) => (type, index) switch
    {
        (SignifierType.Triad, 0) => "Bovenste hoek",
        (SignifierType.Triad, 1) => "Linker hoek",
        (SignifierType.Triad, 2) => "Rechter hoek",
        (SignifierType.Dyad, 0) => "Linker kant",
        (SignifierType.Dyad, 1) => "Rechter kant",
        (SignifierType.Stones, _) => "Steen",
        _ => "Keuze",
    };

    public static string Label(this TriadZone zone) => zone switch
    {
        TriadZone.Left => "Vooral links",
        TriadZone.Top => "Vooral boven",
        TriadZone.Right => "Vooral rechts",
        TriadZone.LeftTop => "Links en boven",
        TriadZone.TopRight => "Boven en rechts",
        TriadZone.LeftRight => "Links en rechts",
        TriadZone.Centre => "In het midden",
        _ => zone.ToString(),
    };

    public static string Label(this DyadBand band) => band switch
    {
        DyadBand.Left => "Dicht bij links (0–20)",
        DyadBand.CentreLeft => "Midden-links (21–40)",
        DyadBand.Centre => "Midden (41–60)",
        DyadBand.CentreRight => "Midden-rechts (61–80)",
        DyadBand.Right => "Dicht bij rechts (81–100)",
        _ => band.ToString(),
    };

    public static string Label(this StoneQuadrant q) => q switch
    {
        StoneQuadrant.TopLeft => "Linksboven",
        StoneQuadrant.TopRight => "Rechtsboven",
        StoneQuadrant.BottomLeft => "Linksonder",
        StoneQuadrant.BottomRight => "Rechtsonder",
        _ => q.ToString(),
    };
}
