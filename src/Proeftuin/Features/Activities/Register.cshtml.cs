using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>
/// Signing up (the form is also on the activity's page). Guests need no account; each guest sign-up sends a mail, so
/// the forms sent without an account are limited per address (the same limit as a feedback form).
/// </summary>
[EnableRateLimiting(RateLimits.Feedback)]
public sealed class RegisterModel(GetActivity get, RegisterForActivity register, IStringLocalizer<SharedResource> l) : PageModel, IRegisterPage
{
    [BindProperty] public RegisterForm Input { get; set; } = new();
    public ActivityView Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var view = await get.RunAsync(id, HttpContext.RequestAborted);
        if (view is null) return NotFound();
        Activity = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var view = await get.RunAsync(id, HttpContext.RequestAborted);
        if (view is null) return NotFound();
        Activity = view;
        if (!ModelState.IsValid) return Page();
        var outcome = await register.RunAsync(id, new RegisterInput(Input.Name, Input.Email), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        var waiting = outcome.Value!.Status == RegistrationStatus.WaitingList;
        // A guest has no account to remember them by: the activity's page says it once, instead of the form.
        TempData[DetailsModel.SignedUpKey] = waiting ? nameof(RegistrationStatus.WaitingList) : nameof(RegistrationStatus.Registered);
        this.Flash(User.Identity?.IsAuthenticated == true
            ? (waiting ? "Je staat op de wachtlijst." : "Je bent aangemeld.")
            : (waiting ? "Je staat op de wachtlijst. We hebben je een mail gestuurd." : "Je bent aangemeld. We hebben je een mail gestuurd met een link om je af te melden."));
        return Redirect($"/activiteiten/{id}");
    }
}
