using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Stories;

/// <summary>
/// One story. 404 unless the caller may read it (project and consent scope) or may speak for its teller; a
/// withdrawn story is 404 for everyone, with a short "ingetrokken" text for whoever brings a key.
/// </summary>
public sealed class StoryDetailsModel(GetStory query, Thread.GetItemThread thread, Web.Caller caller) : PageModel
{
    public StoryView Story { get; private set; } = null!;
    public bool Withdrawn { get; private set; }
    /// <summary>Links and comments; only for readers of the project (a key holder may not be one).</summary>
    public Thread.ItemThreadView? Thread { get; private set; }
    /// <summary>The key, passed on to the teller's own links only when it matched this story.</summary>
    public string? Key { get; private set; }
    public string KeyQuery => Key is null ? "" : $"?{Web.Caller.StoryKeyPageParameter}={Key}";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // The key from ?sleutel=, read once into the caller (only when it has the shape of a key).
        var key = caller.StoryKey;
        if (key is not null) Response.Headers.CacheControl = "no-store";
        var result = await query.RunAsync(id, HttpContext.RequestAborted);
        switch (result.Access)
        {
            case StoryAccess.Ok:
                Story = result.View!;
                Key = Story.KeyMatched ? key : null;
                if (Story.CanReadProject) Thread = await thread.RunAsync(id, HttpContext.RequestAborted);
                return Page();
            case StoryAccess.Withdrawn when key is not null:
                // The key itself was erased with the story, so any well-formed key gets this text; it reveals no content.
                Withdrawn = true;
                return new PageResult { StatusCode = StatusCodes.Status404NotFound };
            default:
                return NotFound();
        }
    }
}
