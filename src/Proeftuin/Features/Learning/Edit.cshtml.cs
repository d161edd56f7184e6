using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Learning;

/// <summary>The team updates a learning question or barrier: rewords it, answers it, drops it; each save is a version.</summary>
[Authorize]
public sealed class EditModel(SaveAgendaItem save, GetAgendaItem get, IStringLocalizer<SharedResource> l) : PageModel, IAgendaFormPage
{
    [BindProperty] public AgendaForm Input { get; set; } = new();
    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public string Title { get; private set; } = "";
    public ItemKind Kind { get; private set; }
    public bool Editing => true;
    public IReadOnlyList<OwnerChoice> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        Input = AgendaForm.From((await get.RunAsync(id, HttpContext.RequestAborted)).Value!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await save.EditAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (outcome.Errors.Any(e => e.Message == SaveAgendaItem.NothingChanged))
        {
            this.Flash(SaveAgendaItem.NothingChanged);
            return Redirect($"/leeragenda/{id}");
        }
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Opgeslagen. De vorige versie staat in de geschiedenis.");
        return Redirect($"/leeragenda/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        Id = id;
        var allowed = await save.CanEditAsync(id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        var (item, _) = allowed.Value;
        ProjectId = item.ProjectId;
        Title = item.Title;
        Kind = item.Kind;
        Owners = await save.OwnersAsync(item.ProjectId, HttpContext.RequestAborted);
        return null;
    }
}
