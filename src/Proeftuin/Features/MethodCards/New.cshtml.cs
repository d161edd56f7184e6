using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.MethodCards;

/// <summary>A facilitator adds a werkvorm of their own, for a programme or one project (?project= chooses it beforehand).</summary>
[Authorize]
public sealed class NewModel(SaveMethodCard save, IStringLocalizer<SharedResource> l) : PageModel, ICardFormPage
{
    [BindProperty(SupportsGet = true, Name = "project")] public int? ProjectId { get; set; }
    [BindProperty] public CardForm Input { get; set; } = new();
    public IReadOnlyList<CardPlace> Places { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        Input.Place = Places.FirstOrDefault(p => p.ProjectId == ProjectId)?.Value ?? (Places.Count == 1 ? Places[0].Value : null);
        Input.Phase = nameof(Projects.Phase.Ideate);
        Input.Forms = [nameof(Sessions.WorkForm.SilentWriting)];
        Input.PadForms();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        Input.PadForms();
        var outcome = await save.AddAsync(Input.ToInput(), ct: HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De werkvorm staat in de bibliotheek.");
        return Redirect($"/werkvormen/{outcome.Value!.Id}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var allowed = await save.CanAddAsync(HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Places = allowed.Value!;
        return null;
    }
}
