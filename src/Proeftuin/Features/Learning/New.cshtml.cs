using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Learning;

/// <summary>The team puts a learning question (?soort=leervraag, the default) or a system barrier (?soort=systeembarriere) on the agenda.</summary>
[Authorize]
public sealed class NewModel(SaveAgendaItem save, Caller user, IStringLocalizer<SharedResource> l) : PageModel, IAgendaFormPage
{
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Soort { get; set; }
    [BindProperty] public AgendaForm Input { get; set; } = new();
    public int ProjectId { get; private set; }
    public ItemKind Kind { get; private set; } = ItemKind.LearningQuestion;
    public bool Editing => false;
    public IReadOnlyList<OwnerChoice> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        // Whoever writes it down looks after it, unless they choose someone else.
        if (Owners.Any(o => o.UserId == user.Id)) Input.OwnerId = user.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await save.AddAsync(id, Kind, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash(Kind == ItemKind.LearningQuestion
            ? "De leervraag staat op de leeragenda. Verbind er bewijs mee zodra jullie iets weten."
            : "De systeembarrière staat op de leeragenda.");
        return Redirect($"/leeragenda/{outcome.Value!.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        ProjectId = id;
        if (AgendaFormOptions.KindOf(Soort) is not { } kind) return NotFound();
        Kind = kind;
        var allowed = await save.CanAddAsync(id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Owners = await save.OwnersAsync(id, HttpContext.RequestAborted);
        return null;
    }
}
