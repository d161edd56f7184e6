using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>The team edits a prototype.</summary>
[Authorize]
public sealed class EditModel(EditPrototype edit, IStringLocalizer<SharedResource> l) : PageModel, IPrototypeFormPage
{
    [BindProperty] public PrototypeFormModel Input { get; set; } = new();
    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        Input = PrototypeFormModel.From(loaded.Value!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        if (!ModelState.IsValid) return Page();
        var outcome = await edit.RunAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Opgeslagen.");
        return Redirect($"/prototypes/{id}");
    }

    private async Task<Outcome<Prototype>> LoadAsync(int id)
    {
        Id = id;
        var loaded = await edit.LoadAsync(id, HttpContext.RequestAborted);
        if (loaded.IsOk)
        {
            ProjectId = loaded.Value!.ProjectId;
            Title = loaded.Value.Title;
        }
        return loaded;
    }
}
