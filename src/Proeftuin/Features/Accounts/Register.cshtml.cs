using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class RegisterModel(RegisterAccount register, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

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
        var outcome = await register.RunAsync(new RegisterAccountInput(Input.DisplayName, Input.Email, Input.Password, Input.Perspective));
        if (!outcome.IsOk) return this.Fail(outcome, l);
        await signIn.SignInAsync(outcome.Value!, isPersistent: true);
        this.Flash("Welkom bij Proeftuin! Je account is gemaakt.");
        return LocalRedirect(this.SafeReturnUrl(ReturnUrl));
    }
}
