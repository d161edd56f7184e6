using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

[Authorize]
public sealed class AccountModel(UserManager<AppUser> users, UpdateAccount update, SetPassword setPassword, PublicUrl publicUrl, IStringLocalizer<SharedResource> l,
    Privacy.ExportPersonalData exports) : PageModel
{
    /// <summary>The newest "Download mijn gegevens" request, shown on every answer of this page.</summary>
    public Privacy.ExportState? Export { get; private set; }

    // Not a handler: without this, Razor Pages takes "On" + "Page" for an HTTP method PAGE with ?handler=HandlerExecution,
    // and such a request called this filter with nothing bound (a 500).
    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        Export = await exports.StateAsync(HttpContext.RequestAborted);
        await next();
    }

    public async Task<IActionResult> OnPostExportAsync()
    {
        ModelState.Clear();
        var outcome = await exports.RequestAsync(publicUrl.Base, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        this.Flash("We maken je bestand. Als het klaar is, krijg je een e-mail met een link.");
        return Redirect("/account#gegevens");
    }

    /// <summary>htmx asks this every few seconds while the file is being made.</summary>
    public IActionResult OnGetExportStatus() => Partial("~/Features/Privacy/_ExportStatus.cshtml", Export);

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public PasswordModel Password { get; set; } = new();
    public bool HasPassword { get; private set; }

    public sealed class PasswordModel
    {
        public string? Current { get; set; }
        public string? New { get; set; }
    }

    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public Perspective DefaultPerspective { get; set; }
        public string? Language { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Fill(user);
        HasPassword = await users.HasPasswordAsync(user);
        return Page();
    }

    private void Fill(AppUser user) =>
        Input = new InputModel { DisplayName = user.DisplayName, Email = user.Email, DefaultPerspective = user.DefaultPerspective, Language = user.Language };

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        ModelState.Clear();
        var outcome = await setPassword.RunAsync(users.GetUserId(User)!, new SetPasswordInput(Password.Current, Password.New));
        if (outcome.IsOk)
        {
            this.Flash("Je wachtwoord is opgeslagen.");
            return RedirectToPage();
        }
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Fill(user);
        HasPassword = await users.HasPasswordAsync(user);
        return this.Fail(outcome, l, "Password");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        HasPassword = await users.HasPasswordAsync((await users.GetUserAsync(User))!);
        if (!ModelState.IsValid) return Page();
        var outcome = await update.RunAsync(users.GetUserId(User)!, new UpdateAccountInput(Input.DisplayName, Input.Email, Input.DefaultPerspective, Input.Language),
            publicUrl.Base, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, Localization.CultureCookieValue(outcome.Value!.Language), Localization.CultureCookieOptions(Request));
        this.Flash("Je gegevens zijn opgeslagen.");
        return RedirectToPage();
    }
}
