using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Review;

/// <summary>
/// /projecten/{id}/review: the review board (reviewbord). Read by the project's members and admins (ReviewRules);
/// evaluators and external reviewers write advice for the next gate here and may withdraw their own open advice.
/// </summary>
[Authorize]
public sealed class IndexModel(GetReviewBoard get, WriteReviewAdvice write, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public ReviewBoard Board { get; private set; } = null!;

    public sealed class InputModel
    {
        public string? Text { get; set; }
        public int? AboutId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!ReviewRules.MayWrite(Board.Permissions)) return this.Denied();
        if (!ModelState.IsValid) return Page();
        var outcome = await write.RunAsync(id, new ReviewAdviceInput(Input.Text, Input.AboutId), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Je advies is opgeslagen. De procesbegeleider ziet het bij het volgende besluit over de fase.");
        return Redirect(ReviewRules.PagePath(id));
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int adviceId)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var outcome = await write.WithdrawAsync(id, adviceId, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        this.Flash("Je advies is ingetrokken.");
        return Redirect(ReviewRules.PagePath(id));
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var board = await get.RunAsync(id, HttpContext.RequestAborted);
        if (board.Status == OutcomeStatus.NotFound) return NotFound();
        if (!board.IsOk) return this.Denied();
        Board = board.Value!;
        return null;
    }
}
