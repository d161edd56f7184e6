using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Home;

/// <summary>/uitleg: the words Proeftuin uses, each in a few plain sentences (B1). Linked from the footer.</summary>
// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class GlossaryModel : PageModel
{
    public void OnGet() { }
}
