using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>Shows the teller's private link exactly once: TempData is read and gone, and the page is never cached.</summary>
public sealed class ThanksModel(PublicUrl publicUrl) : PageModel
{
    public int? StoryId { get; private set; }
    public string? Key { get; private set; }
    public string StoryUrl => $"{publicUrl.Base}/verhalen/{StoryId}?sleutel={Key}";
    public string SignifyPath => $"/verhalen/{StoryId}/duiden?sleutel={Key}";

    public void OnGet()
    {
        Response.Headers.CacheControl = "no-store";
        if (TempData[ShareByLinkModel.KeyData] is string key && TempData[ShareByLinkModel.IdData] is int id)
        {
            Key = key;
            StoryId = id;
        }
    }
}
