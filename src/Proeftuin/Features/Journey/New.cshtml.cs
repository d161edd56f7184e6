using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Experiments;
using Proeftuin.Web;

namespace Proeftuin.Features.Journey;

/// <summary>The team writes a note on the innovatiereis; ?soort= says which kind (kwestie, leermoment, …).</summary>
[Authorize]
public sealed class NewModel(SaveJourneyEntry save, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IJourneyFormPage
{
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Soort { get; set; }
    [BindProperty] public JourneyForm Input { get; set; } = new();
    public int ProjectId { get; private set; }
    public JourneyEntryType Type { get; private set; }
    public IReadOnlyList<IssueChoice> Issues { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var (denied, p) = await LoadAsync(id);
        if (denied is not null) return denied;
        Input.OccurredOn = ExperimentDates.Iso(ExperimentDates.Today(clock));
        Input.KnowledgeSource = p!.Perspective;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var (denied, _) = await LoadAsync(id);
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await save.AddAsync(id, Type, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De notitie staat op de innovatiereis.");
        return Redirect($"/innovatiereis/{outcome.Value!.Id}");
    }

    private async Task<(IActionResult? Denied, ProjectPermissions? Permissions)> LoadAsync(int id)
    {
        ProjectId = id;
        if (JourneyWords.FromUrlWord(Soort) is not { } type) return (NotFound(), null);
        Type = type;
        var allowed = await save.CanAddAsync(id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return (this.Fail(allowed, l), null);
        if (type == JourneyEntryType.Answer) Issues = await save.IssuesAsync(id, HttpContext.RequestAborted);
        return (null, allowed.Value);
    }
}
