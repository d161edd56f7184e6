using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>The team changes one assumption.</summary>
[Authorize]
public sealed class AssumptionEditModel(SaveAssumption save, IStringLocalizer<SharedResource> l) : PageModel, IAssumptionFormPage
{
    [BindProperty] public AssumptionFormModel Input { get; set; } = new();
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int assumptionId)
    {
        Id = id;
        var loaded = await save.LoadAsync(id, assumptionId, HttpContext.RequestAborted);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        var a = loaded.Value!;
        Input = new AssumptionFormModel { Text = a.Text, Risk = a.Risk, Certainty = a.Certainty };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int assumptionId)
    {
        Id = id;
        var loaded = await save.LoadAsync(id, assumptionId, HttpContext.RequestAborted);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        if (!ModelState.IsValid) return Page();
        var outcome = await save.EditAsync(id, assumptionId, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De aanname is opgeslagen.");
        return Redirect($"/prototypes/{id}/aannames");
    }
}
