using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>
/// "Verband leggen": the item page's search form lands here without JavaScript (htmx takes the results from here
/// with it), and its link form posts here; shown again with the message next to the field when something is wrong.
/// </summary>
[Authorize]
public sealed class AddLinkModel(SaveLink save, FindItems find, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public LinkForm Input { get; set; } = new();
    /// <summary>The search within the picker: words from title or text, and a kind (its URL word).</summary>
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Soort { get; set; }
    public int Id { get; private set; }
    public ItemKind Kind { get; private set; }
    public string ItemTitle { get; private set; } = "";
    public string ReturnUrl { get; private set; } = "";
    public LinkPicker Picker { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var denied = await LoadAsync(id);
        return denied ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await save.AddAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        // Shown again with the message next to the field it is about.
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
        Kind = item.Kind;
        ItemTitle = item is Stories.Story s ? ThreadAccess.StoryTitle(p, s) : item.Title;
        ReturnUrl = ThreadWords.PageUrl(item.Kind, id);
        Picker = await find.PickerAsync(p, item, Q, Soort, HttpContext.RequestAborted);
        return null;
    }
}
