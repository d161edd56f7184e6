using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

[Authorize]
public sealed class CreateModel(SaveItem save, IStringLocalizer<SharedResource> l) : PageModel, IItemFormPage
{
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Soort { get; set; }
    [BindProperty] public ItemForm Input { get; set; } = new();
    public ItemKind Kind { get; private set; }
    public int ProjectId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var allowed = await AllowedAsync(id);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Input.KnowledgeSource = allowed.Value!.Perspective;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        // Who may add what comes first: an unknown kind or hidden project is 404, not a form error.
        var allowed = await AllowedAsync(id);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        if (!ModelState.IsValid) return Page();
        var outcome = await save.CreateAsync(id, Kind, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        var item = outcome.Value!;
        this.Flash(item is Question && !QuestionPhrasing.Follows(item.Title)
            ? "De vraag is opgeslagen. Tip: begin met „Hoe kunnen we …?”. Zo blijft de vraag open en nodigt ze uit tot ideeën."
            : "Opgeslagen.");
        return Redirect($"/draad/{item.Id}");
    }

    private async Task<Outcome<ProjectPermissions>> AllowedAsync(int id)
    {
        ProjectId = id;
        var kind = ThreadWords.KindFromSlug(Soort);
        if (kind is { } k) Kind = k;
        return await save.CanCreateAsync(id, kind, HttpContext.RequestAborted);
    }
}
