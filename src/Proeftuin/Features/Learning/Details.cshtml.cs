using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Learning;

/// <summary>
/// A learning question or barrier: what it asks, its evidence, its history and the thread around it. "Bewijs
/// verbinden" links a project item to it as "onderbouwt deze leervraag" through the thread's own SaveLink.
/// </summary>
// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class DetailsModel(GetAgendaItem get, GetItemThread thread, SaveLink links, IStringLocalizer<SharedResource> l) : PageModel
{
    public AgendaItemView Item { get; private set; } = null!;
    public ItemThreadView Thread { get; private set; } = null!;
    /// <summary>The evidence form's choice (Evidence.OtherId), kept when it is shown again with an error.</summary>
    [BindProperty(Name = "Evidence.OtherId")] public int? OtherId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    // Signed out or not on the team: SaveLink refuses, and Fail turns that into sign in or 403.
    public async Task<IActionResult> OnPostEvidenceAsync(int id)
    {
        var added = await links.AddAsync(id, new LinkInput(LinkType.Supports, SaveLink.To, OtherId), HttpContext.RequestAborted);
        if (added.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return this.Fail(added, l);
        if (!await LoadAsync(id)) return NotFound();
        if (!added.IsOk) return this.Fail(added, l, prefix: "Evidence");
        this.Flash("Het bewijs is verbonden met de leervraag.");
        return Redirect($"/leeragenda/{id}#bewijs");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var outcome = await get.RunAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return false;
        Item = outcome.Value!;
        Thread = (await thread.RunAsync(id, HttpContext.RequestAborted))!;
        return true;
    }
}
