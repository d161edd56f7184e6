using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>Start an initiative in a programme (<c>?programma=</c>) or a project (<c>?project=</c>), optionally from an item (<c>&amp;reactieOp=</c>).</summary>
[Authorize]
public sealed class NewModel(StartInitiative start, IStringLocalizer<SharedResource> l) : PageModel, IInitiativeFormPage
{
    [BindProperty(SupportsGet = true, Name = "programma")] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true, Name = "project")] public string? Project { get; set; }
    [BindProperty(SupportsGet = true, Name = "reactieOp")] public string? RespondsTo { get; set; }
    [BindProperty] public InitiativeForm Input { get; set; } = new();
    public string PlaceTitle { get; private set; } = "";
    public int? ProjectId { get; private set; }
    public int ProgrammeId { get; private set; }
    public string? OriginTitle { get; private set; }
    public bool InProject => ProjectId is not null;
    public bool ThresholdFixed => false;

    private static int? Id(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        Input = new InitiativeForm { Type = nameof(InitiativeType.NeighbourhoodActivity), Threshold = "5", RespondsTo = OriginTitle is null ? null : RespondsTo };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        var outcome = await start.RunAsync(ProgrammeId, ProjectId, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Je initiatief staat erop. Vertel het verder: hoe meer mensen meedoen, hoe eerder jullie kunnen beginnen.");
        return Redirect($"/initiatieven/{outcome.Value!.Id}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var place = await start.CanStartAsync(Id(Programme), Id(Project), HttpContext.RequestAborted);
        if (!place.IsOk) return this.Fail(place, l);
        (ProgrammeId, ProjectId, PlaceTitle) = place.Value;
        var from = Input.RespondsTo ?? RespondsTo;
        if (ProjectId is { } pid && Id(from) is { } item) OriginTitle = await start.OriginTitleAsync(pid, item, HttpContext.RequestAborted);
        return null;
    }
}
