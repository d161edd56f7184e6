using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>The response form's fields (bound as Input.*).</summary>
public sealed class ResponseForm
{
    public string? Status { get; set; }
    public string? Reasons { get; set; }
}

/// <summary>A facilitator (or the municipality) responds to an initiative with a status and reasons; the initiators are told.</summary>
[Authorize]
public sealed class RespondModel(RespondToInitiative respond, GetInitiative get, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ResponseForm Input { get; set; } = new();
    public InitiativeView Initiative { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        Input.Status = Next(Initiative.Status).ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        var outcome = await respond.RunAsync(id, Validation.ExactName<InitiativeStatus>(Input.Status), Input.Reasons, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Je reactie is bewaard. De initiatiefnemers krijgen bericht.");
        return Redirect($"/initiatieven/{id}#reacties");
    }

    /// <summary>The usual next step, as the form's first choice.</summary>
    public static InitiativeStatus Next(InitiativeStatus now) => now == InitiativeStatus.Received ? InitiativeStatus.InTalks : now;

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var allowed = await respond.CanRespondAsync(id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Initiative = (await get.RunAsync(id, HttpContext.RequestAborted)).Value!;
        return null;
    }
}
