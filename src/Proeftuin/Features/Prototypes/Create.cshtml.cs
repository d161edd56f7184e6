using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>A facilitator makes a prototype from one or more of the project's ideas (?idee= ticks one beforehand).</summary>
[Authorize]
public sealed class CreateModel(CreatePrototype create, IStringLocalizer<SharedResource> l) : PageModel, IPrototypeFormPage
{
    [BindProperty(SupportsGet = true, Name = "idee")] public string? Idee { get; set; }
    [BindProperty] public PrototypeFormModel Input { get; set; } = new();
    public int ProjectId { get; private set; }
    public IReadOnlyList<IdeaChoice> Ideas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var allowed = await AllowedAsync(id);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Input.KnowledgeSource = allowed.Value!.Perspective;
        if (Idee is not null)
        {
            // Only one of this project's ideas can be ticked beforehand; anything else is not there.
            if (!int.TryParse(Idee, NumberStyles.None, CultureInfo.InvariantCulture, out var ideaId) || Ideas.All(i => i.Id != ideaId)) return NotFound();
            Input.IdeaIds = [ideaId];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var allowed = await AllowedAsync(id);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        if (!ModelState.IsValid) return Page();
        var outcome = await create.RunAsync(id, Input.ToInput(), Input.IdeaIds, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Het prototype is gemaakt. Schrijf nu de aannames op die jullie willen toetsen.");
        return Redirect($"/prototypes/{outcome.Value!.Id}");
    }

    private async Task<Outcome<ProjectPermissions>> AllowedAsync(int id)
    {
        ProjectId = id;
        var allowed = await create.CanCreateAsync(id, HttpContext.RequestAborted);
        if (allowed.IsOk) Ideas = await create.IdeasAsync(id, HttpContext.RequestAborted);
        return allowed;
    }
}
