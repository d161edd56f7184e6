using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

/// <summary>Two ways in: a password, or a link sent by e-mail (the easier one for most residents).</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(AppSignInManager signIn, PasswordThrottle throttle, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string WrongPassword = "Het e-mailadres of het wachtwoord klopt niet.";

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

    /// <summary>
    /// Known and unknown addresses take the same path: the same hashing work, the same failure count, the same
    /// words when paused. Only someone who knows the right password learns more (unconfirmed or blocked).
    /// </summary>
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
        var ct = HttpContext.RequestAborted;
        var client = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await throttle.IsPausedAsync(email, client, ct))
        {
            // Hash anyway, so a paused answer takes as long as any other.
            signIn.UserManager.PasswordHasher.HashPassword(new AppUser(), Input.Password!);
            // The way that works now, ready to use: the link form above, with the address filled in.
            Link.Email = Input.Email;
            return Refuse(PasswordThrottle.Paused);
        }
        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            // Hash anyway, so an unknown address takes as long as a known one and timing reveals nothing.
            signIn.UserManager.PasswordHasher.HashPassword(new AppUser(), Input.Password!);
        }
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: true, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await signIn.RecordSignInAsync(user!);
            await throttle.ClearClientAsync(email, client, ct);
            return LocalRedirect(this.SafeReturnUrl(ReturnUrl, "/mijn"));
        }
        // An old Identity lockout answers before hashing: hash here, so it takes as long as a wrong password.
        if (result.IsLockedOut) signIn.UserManager.PasswordHasher.HashPassword(user!, Input.Password!);
        // Not allowed (unconfirmed or blocked) is decided before Identity checks the password: check it here, so
        // the work is the same, and only the right password earns the specific answer.
        if (result.IsNotAllowed && await signIn.UserManager.CheckPasswordAsync(user!, Input.Password!))
            return Refuse(user!.IsBlocked ? UseSignInLink.Blocked : "Bevestig eerst je e-mailadres met de link uit onze e-mail. Of vraag hierboven een nieuwe inloglink aan.");
        await throttle.RecordFailureAsync(email, client, ct);
        return Refuse(WrongPassword);
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError("Input.Password", l[message]);
        return Page();
    }
}
