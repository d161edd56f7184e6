using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Moderation;

/// <summary>Step: the button pressed (Hidden, Restored, Kept; Edited from the edit form, with Text and Note).</summary>
public sealed class ModerationForm
{
    public string? Step { get; set; }
    public string? Reason { get; set; }
    public string? Text { get; set; }
    public string? Note { get; set; }
}

/// <summary>One reported contribution: its text, the reports and history, and the four choices.</summary>
[Authorize]
public sealed class CaseModel(GetModerationCase get, ModerateContent moderate, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ModerationForm Input { get; set; } = new();
    public ModerationCase Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, int id)
    {
        var denied = await LoadAsync(kind, id);
        if (denied is not null) return denied;
        Input.Text = Case.Content.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, int id)
    {
        var denied = await LoadAsync(kind, id);
        if (denied is not null) return denied;
        // One form, one button per step (no JavaScript, no second address): an unknown step is a form error.
        if (Validation.ExactName<ModerationStep>(Input.Step) is not { } step)
        {
            Input.Text ??= Case.Content.Text;
            ModelState.AddModelError("Input.Step", l["Kies wat je met deze bijdrage doet."]);
            return Page();
        }
        var edited = step == ModerationStep.Edited;
        var outcome = await moderate.RunAsync(kind, id, step, new ModerationInput(edited ? Input.Note : Input.Reason, edited ? Input.Text : null), HttpContext.RequestAborted);
        if (!outcome.IsOk)
        {
            if (!edited) Input.Text = Case.Content.Text;
            // The edit form's reason is its own field (Note): its error goes there.
            return this.Fail(edited ? RenameReason(outcome) : outcome, l);
        }
        this.Flash(step switch
        {
            ModerationStep.Hidden => "Verborgen. De schrijver en wie het meldden, krijgen bericht.",
            ModerationStep.Restored => "Weer zichtbaar.",
            ModerationStep.Edited => "De tekst is aangepast. Je uitleg staat erbij.",
            _ => "Het blijft staan. Wie het meldden, krijgen bericht.",
        });
        return Redirect(ModerationRules.CasePath(Case.Content.Kind, id));
    }

    private static Outcome<ModerationAction> RenameReason(Outcome<ModerationAction> outcome) =>
        outcome.Status == OutcomeStatus.Invalid
            ? Outcome<ModerationAction>.Invalid(outcome.Errors.Select(e => e.Field == "Reason" ? e with { Field = "Note" } : e).ToList())
            : outcome;

    private async Task<IActionResult?> LoadAsync(string kind, int id)
    {
        var found = await get.RunAsync(kind, id, HttpContext.RequestAborted);
        if (!found.IsOk) return this.Fail(found, l);
        Case = found.Value!;
        return null;
    }
}
