using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>"Verband leggen" from an item page (the form there posts here); shown on its own only to correct a mistake.</summary>
[Authorize]
public sealed class AddLinkModel(SaveLink save, FindItems find, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public LinkForm Input { get; set; } = new();
    public int Id { get; private set; }
    public string ItemTitle { get; private set; } = "";
    public string ReturnUrl { get; private set; } = "";
    public IReadOnlyList<ItemChoice> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var allowed = await LoadAsync(id);
        return allowed ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await save.AddAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Het verband is gelegd.");
        return Redirect(ReturnUrl + "#verbanden");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        Id = id;
        var allowed = await save.CanLinkAsync(id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        var (item, p) = allowed.Value;
        ItemTitle = item is Stories.Story s ? ThreadAccess.StoryTitle(p, s) : item.Title;
        ReturnUrl = ThreadWords.PageUrl(item.Kind, id);
        Choices = await find.ChoicesAsync(p, id, item is Stories.Story, HttpContext.RequestAborted);
        return null;
    }
}
