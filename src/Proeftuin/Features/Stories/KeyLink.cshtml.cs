using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Stories;

/// <summary>
/// /v/{code}: the short link on a teller's slip, and /v a form to type the code. A code that fits opens the story with
/// its key; a wrong one gets a friendly 404 with the form. Guessing is hopeless (about 79 bits, see StoryKeys).
/// </summary>
public sealed class KeyLinkModel(GetStory stories) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")] public string? Code { get; set; }
    public bool Unknown { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(Code)) return Page();
        var id = await stories.IdForShortKeyAsync(Code, HttpContext.RequestAborted);
        if (id is null)
        {
            Unknown = true;
            return new PageResult { StatusCode = StatusCodes.Status404NotFound };
        }
        return Redirect($"/verhalen/{id}?sleutel={StoryKeys.NormalizeShort(Code)}");
    }
}
