using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Journey;

/// <summary>The team edits a note of the innovatiereis (its kind stays; a link to a kwestie is kept on the thread).</summary>
[Authorize]
public sealed class EditModel(SaveJourneyEntry save, IStringLocalizer<SharedResource> l) : PageModel, IJourneyFormPage
{
    [BindProperty] public JourneyForm Input { get; set; } = new();
    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public string Title { get; private set; } = "";
    public JourneyEntryType Type { get; private set; }
    public IReadOnlyList<IssueChoice> Issues => [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        Input = JourneyForm.From(loaded.Value.Entry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        if (!ModelState.IsValid) return Page();
        var outcome = await save.EditAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Opgeslagen.");
        return Redirect($"/innovatiereis/{id}");
    }

    private async Task<Outcome<(JourneyEntry Entry, ProjectPermissions Permissions)>> LoadAsync(int id)
    {
        Id = id;
        var loaded = await save.CanEditAsync(id, HttpContext.RequestAborted);
        if (loaded.IsOk)
        {
            ProjectId = loaded.Value.Entry.ProjectId;
            Title = loaded.Value.Entry.Title;
            Type = loaded.Value.Entry.Type;
        }
        return loaded;
    }
}
