using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Gates;

/// <summary>
/// /adviesvragen/{id}: an advice request. The project's members read it (observers too); an evaluator who was asked
/// gives advice while it is open. 404 when the project may not be read.
/// </summary>
[Authorize]
public sealed class AdviceModel(GetAdviceRequest get, GiveGateAdvice give, Caller user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public AdviceRequestView AdviceRequest { get; private set; } = null!;
    public AdviceView? Mine { get; private set; }

    public sealed class InputModel
    {
        public GateVerdict? Recommendation { get; set; }
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await GuardAsync(id, r => r.CanSee) is { } refused) return refused;
        if (Mine is { IsGiven: true } given)
        {
            Input.Recommendation = given.Recommendation;
            Input.Text = given.Text;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await GuardAsync(id, r => r.CanAdvise) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var outcome = await give.RunAsync(id, new AdviceInput(Input.Recommendation, Input.Text), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Je advies is opgeslagen. De procesbegeleider ziet het bij het besluit.");
        return Redirect($"/adviesvragen/{id}");
    }

    private async Task<IActionResult?> GuardAsync(int id, Func<AdviceRequestView, bool> may)
    {
        if (await get.RunAsync(id, HttpContext.RequestAborted) is not { } view) return NotFound();
        AdviceRequest = view;
        Mine = view.Mine(user.Id);
        return may(view) ? null : this.Denied();
    }
}
