using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.News;

[Authorize]
public sealed class EditModel(SaveNewsItem save, IStringLocalizer<SharedResource> l) : PageModel, INewsFormPage
{
    [BindProperty] public NewsForm Input { get; set; } = new();
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var loaded = await save.LoadForEditAsync(id, HttpContext.RequestAborted);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        Id = id;
        Input = new NewsForm { Title = loaded.Value!.Title, Body = loaded.Value.BodyMarkdown };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Id = id;
        var loaded = await save.LoadForEditAsync(id, HttpContext.RequestAborted);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        if (!ModelState.IsValid) return Page();
        var outcome = await save.EditAsync(loaded.Value!, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Het nieuwsbericht is opgeslagen.");
        return Redirect($"/nieuws/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        Id = id;
        var outcome = await save.DeleteAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Het nieuwsbericht is verwijderd.");
        var item = outcome.Value!;
        return Redirect(item.ProjectId is { } pid ? $"/projecten/{pid}" : $"/programmas/{item.ProgrammeId}");
    }
}
