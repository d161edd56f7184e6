using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>Verhaalvragen en deellink: facilitators manage what residents are asked, and the link to tell without an account.</summary>
[Authorize]
public sealed class PromptsModel(ManagePrompts manage, PublicUrl publicUrl, IStringLocalizer<SharedResource> l) : PageModel
{
    public PromptsOverview Overview { get; private set; } = null!;
    [BindProperty] public NewPromptForm NewPrompt { get; set; } = new();
    /// <summary>What was typed into a prompt whose edit was refused, so it is not lost.</summary>
    public (int PromptId, string? Text)? Attempted { get; private set; }
    public string? ShareUrl => Overview.ShareToken is { } token ? $"{publicUrl.Base}/delen/{token}" : null;

    public sealed class NewPromptForm
    {
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(int id)
    {
        var outcome = await manage.AddAsync(id, NewPrompt.Text, HttpContext.RequestAborted);
        if (outcome.Status == OutcomeStatus.Invalid) return await ShowErrorsAsync(id, outcome, "NewPrompt");
        return Done(id, outcome, "De vraag is toegevoegd.");
    }

    public async Task<IActionResult> OnPostEditAsync(int id, int promptId, string? text)
    {
        var outcome = await manage.EditAsync(id, promptId, text, HttpContext.RequestAborted);
        Attempted = (promptId, text);
        if (outcome.Status == OutcomeStatus.Invalid) return await ShowErrorsAsync(id, outcome, $"prompt-{promptId}");
        return Done(id, outcome, "De vraag is gewijzigd.");
    }

    public async Task<IActionResult> OnPostArchiveAsync(int id, int promptId) =>
        Done(id, await manage.SetArchivedAsync(id, promptId, archived: true, HttpContext.RequestAborted), "De vraag is gearchiveerd. Verhalen bij deze vraag blijven bewaard.");

    public async Task<IActionResult> OnPostRestoreAsync(int id, int promptId) =>
        Done(id, await manage.SetArchivedAsync(id, promptId, archived: false, HttpContext.RequestAborted), "De vraag staat weer open.");

    public async Task<IActionResult> OnPostUpAsync(int id, int promptId) =>
        Done(id, await manage.MoveAsync(id, promptId, up: true, HttpContext.RequestAborted), "De volgorde is gewijzigd.");

    public async Task<IActionResult> OnPostDownAsync(int id, int promptId) =>
        Done(id, await manage.MoveAsync(id, promptId, up: false, HttpContext.RequestAborted), "De volgorde is gewijzigd.");

    public async Task<IActionResult> OnPostShareOnAsync(int id) =>
        Done(id, await manage.RenewShareLinkAsync(id, HttpContext.RequestAborted), "De deellink staat aan.");

    public async Task<IActionResult> OnPostShareRenewAsync(int id) =>
        Done(id, await manage.RenewShareLinkAsync(id, HttpContext.RequestAborted), "Er is een nieuwe deellink. De oude link werkt niet meer.");

    public async Task<IActionResult> OnPostShareOffAsync(int id) =>
        Done(id, await manage.TurnOffShareLinkAsync(id, HttpContext.RequestAborted), "De deellink staat uit. Niemand kan nog via de link een verhaal delen.");

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var outcome = await manage.LoadAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        Overview = outcome.Value!;
        return null;
    }

    /// <summary>Errors of one prompt's form are keyed by its textarea's id, so the summary links straight to it.</summary>
    private async Task<IActionResult> ShowErrorsAsync<T>(int id, Outcome<T> outcome, string key)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        foreach (var e in outcome.Errors)
            ModelState.AddModelError(key == "NewPrompt" ? $"NewPrompt.{e.Field}" : key, e.Localize(l));
        return Page();
    }

    private IActionResult Done<T>(int id, Outcome<T> outcome, string message)
    {
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash(message);
        return Redirect($"/projecten/{id}/verhaalvragen");
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
