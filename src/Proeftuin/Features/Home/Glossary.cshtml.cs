using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Home;

/// <summary>/uitleg: the words Proeftuin uses, each in a few plain sentences (B1). Linked from the footer.</summary>
public sealed class GlossaryModel : PageModel
{
    public void OnGet() { }
}
