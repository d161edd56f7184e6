using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>/projecten/{id}/proeven/nieuw?prototype=: the team sets up a proef for one of the project's prototypes.</summary>
[Authorize]
public sealed class NewModel(SetUpExperiment setUp, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "prototype")] public int? Prototype { get; set; }
    [BindProperty] public ExperimentForm Input { get; set; } = new();
    public int ProjectId { get; private set; }
    public IReadOnlyList<PrototypeChoice> Prototypes { get; private set; } = [];

    public IEnumerable<SelectListItem> PrototypeItems(string choose) =>
        new[] { new SelectListItem(choose, "") }
            .Concat(Prototypes.Select(p => new SelectListItem(p.Title, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var allowed = await AllowedAsync(id);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Input.PrototypeId = Prototype;
        Input.Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var allowed = await AllowedAsync(id);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Input.Pad();
        if (!ModelState.IsValid) return Page();
        var outcome = await setUp.RunAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De proef is opgeslagen. Start de proef als hij begint.");
        return Redirect($"/proeven/{outcome.Value!.Id}");
    }

    private async Task<Outcome<ProjectPermissions>> AllowedAsync(int id)
    {
        ProjectId = id;
        var allowed = await setUp.CanSetUpAsync(id, HttpContext.RequestAborted);
        if (allowed.IsOk) Prototypes = await setUp.PrototypesAsync(id, HttpContext.RequestAborted);
        return allowed;
    }
}
