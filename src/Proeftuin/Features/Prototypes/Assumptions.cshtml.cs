using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>The team's list of a prototype's assumptions: add one, open one to change it, remove one.</summary>
[Authorize]
public sealed class AssumptionsModel(GetPrototype query, SaveAssumption save, RemoveAssumption remove, IStringLocalizer<SharedResource> l) : PageModel, IAssumptionFormPage
{
    [BindProperty] public AssumptionFormModel Input { get; set; } = new();
    public PrototypeView Prototype { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var allowed = await LoadAsync(id);
        return allowed.IsOk ? Page() : this.Fail(allowed, l);
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var allowed = await LoadAsync(id);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        if (!ModelState.IsValid) return Page();
        var outcome = await save.AddAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De aanname is toegevoegd.");
        return Redirect($"/prototypes/{id}/aannames");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int assumptionId)
    {
        var outcome = await remove.RunAsync(id, assumptionId, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        this.Flash("De aanname is weggehaald.");
        return Redirect($"/prototypes/{id}/aannames");
    }

    private async Task<Outcome<Prototype>> LoadAsync(int id)
    {
        var allowed = await save.AllowedAsync(id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return allowed;
        Prototype = (await query.RunAsync(id, HttpContext.RequestAborted)).Value!;
        return allowed;
    }
}
