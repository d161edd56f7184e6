using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Ideas;

/// <summary>All ideas of a project, best supported first, optionally of one status (<c>?status=gekozen</c>).</summary>
public sealed class IdeasIndexModel(FindIdeas find) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public string? Pagina { get; set; }
    public IdeaList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // An unknown status or page shows every idea from the start rather than an error: it came from a hand-made address.
        var list = await find.RunAsync(id, IdeaWords.FromUrlWord(Status),
            int.TryParse(Pagina, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : 1, HttpContext.RequestAborted);
        if (list is null) return NotFound();
        List = list;
        return Page();
    }

    public string PageUrl(int page) =>
        $"/projecten/{List.ProjectId}/ideeen?{(List.Filter is { } f ? $"status={f.UrlWord()}&" : "")}pagina={page}";
}
