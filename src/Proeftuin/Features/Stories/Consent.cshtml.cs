using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>
/// /verhalen/{id}/toestemming: the teller (account or ?sleutel=KEY) changes who may read their story, quoting and
/// their name; a facilitator narrows on the teller's request. See <see cref="ChangeConsent"/>.
/// </summary>
public sealed class ConsentModel(ChangeConsent consent, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "sleutel")] public string? Key { get; set; }
    [BindProperty] public string? Scope { get; set; }
    [BindProperty] public bool MayQuote { get; set; }
    [BindProperty] public bool RemoveName { get; set; }
    [BindProperty] public bool ConfirmWider { get; set; }
    [BindProperty] public bool RequestedByTeller { get; set; }

    public ConsentTarget Target { get; private set; } = null!;
    public string KeyQuery => StoryKeys.LooksValid(Key) ? "?sleutel=" + Key : "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (Key is not null) Response.Headers.CacheControl = "no-store";
        var outcome = await consent.LoadAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        Target = outcome.Value!;
        Scope = Target.Scope.ToString();
        MayQuote = Target.MayQuote;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Response.Headers.CacheControl = "no-store";
        if (!ModelState.IsValid)
        {
            // A value that is no choice at all (MayQuote=maybe): the form again, nothing changed.
            var again = await consent.LoadAsync(id, HttpContext.RequestAborted);
            if (!again.IsOk) return this.Fail(again, l, "");
            Target = again.Value!;
            return Page();
        }
        var outcome = await consent.RunAsync(id, new ConsentInput(Scope, MayQuote, RemoveName, ConfirmWider, RequestedByTeller), HttpContext.RequestAborted);
        if (outcome.Status == OutcomeStatus.Invalid)
        {
            var loaded = await consent.LoadAsync(id, HttpContext.RequestAborted);
            if (!loaded.IsOk) return this.Fail(loaded, l, "");
            Target = loaded.Value!;
            return this.Fail(outcome, l, "");
        }
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        this.Flash("De toestemming is opgeslagen.");
        return Redirect($"/verhalen/{id}{KeyQuery}");
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
