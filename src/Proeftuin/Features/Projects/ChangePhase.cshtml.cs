using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

[Authorize]
public sealed class ChangePhaseModel(GetProjectOverview query, MovePhase move, IStringLocalizer<SharedResource> l) : ProjectPageModel(query)
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public Phase ToPhase { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id, p => p.CanManage) is { } refused) return refused;
        Input.ToPhase = Project.Phase == Phase.Test ? Phase.Test : Project.Phase + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id, p => p.CanManage) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var outcome = await move.RunAsync(id, Input.ToPhase, Input.Reason, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De fase is gewijzigd.");
        return Redirect($"/projecten/{id}");
    }

}
