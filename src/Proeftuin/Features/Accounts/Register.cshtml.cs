using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

[EnableRateLimiting(RateLimits.Mail)] // every registration sends an e-mail
public sealed class RegisterModel(RegisterAccount register, PublicUrl publicUrl, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>After a valid form: "check your e-mail", whether or not the address was new.</summary>
    public bool Sent { get; private set; }

    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public Perspective Perspective { get; set; } = Perspective.Experience;
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var returnUrl = ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        var outcome = await register.RunAsync(new RegisterAccountInput(Input.DisplayName, Input.Email, Input.Password, Input.Perspective),
            publicUrl.Base, returnUrl, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        Sent = true;
        return Page();
    }
}
