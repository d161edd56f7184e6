using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>Edits an item; for a journey map also lists its steps to move and remove.</summary>
[Authorize]
public sealed class EditModel(SaveItem save, SaveJourneyStep steps, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel, IItemFormPage
{
    [BindProperty] public ItemForm Input { get; set; } = new();
    public ItemKind Kind { get; private set; }
    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<JourneyStep> Steps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        Input = ItemForm.From(loaded.Value!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        if (!ModelState.IsValid) return Page();
        var outcome = await save.EditAsync(loaded.Value!, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        var item = outcome.Value!;
        this.Flash(item is Question && !QuestionPhrasing.Follows(item.Title)
            ? "De vraag is opgeslagen. Tip: begin met „Hoe kunnen we …?”. Zo blijft de vraag open en nodigt ze uit tot ideeën."
            : "Opgeslagen.");
        return Redirect($"/draad/{id}");
    }

    public Task<IActionResult> OnPostUpAsync(int id, int stepId) => MoveAsync(id, stepId, -1);

    public Task<IActionResult> OnPostDownAsync(int id, int stepId) => MoveAsync(id, stepId, 1);

    public async Task<IActionResult> OnPostRemoveStepAsync(int id, int stepId)
    {
        var outcome = await steps.RemoveAsync(id, stepId, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De stap is verwijderd.");
        return Redirect($"/draad/{id}/bewerken#stappen");
    }

    private async Task<IActionResult> MoveAsync(int id, int stepId, int by)
    {
        var outcome = await steps.MoveAsync(id, stepId, by, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De stap is verplaatst.");
        return Redirect($"/draad/{id}/bewerken#stappen");
    }

    private async Task<Outcome<ThreadItem>> LoadAsync(int id)
    {
        Id = id;
        var loaded = await save.LoadForEditAsync(id, HttpContext.RequestAborted);
        if (!loaded.IsOk) return loaded;
        var item = loaded.Value!;
        Kind = item.Kind;
        ProjectId = item.ProjectId;
        Title = item.Title;
        if (item is JourneyMap)
            Steps = await db.JourneySteps.AsNoTracking().Where(s => s.JourneyMapId == id).OrderBy(s => s.Position).ToListAsync(HttpContext.RequestAborted);
        return loaded;
    }
}
