using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

/// <summary>Two ways in: a password, or a link sent by e-mail (the easier one for most residents).</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public PasswordInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>The e-mail-link form on this page posts to <see cref="RequestLinkModel"/>.</summary>
    public RequestLinkModel.LinkInput Link { get; } = new();

    public sealed class PasswordInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var v = new Validation();
        var email = AccountRules.Email(v, "Email", Input.Email);
        if (string.IsNullOrEmpty(Input.Password)) v.Add("Password", "Vul je wachtwoord in.");
        if (!v.IsValid)
        {
            ModelState.AddErrors(v.Errors, l);
            return Page();
        }
        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            // Hash anyway, so an unknown address takes as long as a known one and timing reveals nothing.
            signIn.UserManager.PasswordHasher.HashPassword(new AppUser(), Input.Password!);
        }
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(this.SafeReturnUrl(ReturnUrl));
        ModelState.AddModelError("Input.Password",
            result.IsLockedOut ? l["Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw, of log in met een link per e-mail."]
            : result.IsNotAllowed && await signIn.UserManager.CheckPasswordAsync(user!, Input.Password!)
                ? l["Bevestig eerst je e-mailadres met de link uit onze e-mail. Of vraag hierboven een nieuwe inloglink aan."]
            : l["Het e-mailadres of het wachtwoord klopt niet."]);
        return Page();
    }
}
