using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Accounts;
using Proeftuin.Web;

namespace Proeftuin.Features.Admin;

/// <summary>Platform admin: accounts, with search and paging; block, unblock, send a sign-in link.</summary>
[Authorize(Policy = Caller.AdminRole)]
public sealed class PeopleModel(FindPeople find, BlockAccount block, MailSignInLink mail, PublicUrl publicUrl, Caller me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;
    public PeoplePage People { get; private set; } = new("", [], 0, 1, 1);
    public string? MyId => me.Id;

    public async Task<IActionResult> OnGetAsync()
    {
        // A page number that is no number: the first page.
        ModelState.Remove("pagina");
        return await ShowAsync();
    }

    public Task<IActionResult> OnPostBlockAsync(string? userId) =>
        ChangeAsync(() => block.BlockAsync(userId, HttpContext.RequestAborted), u => l["{0} is geblokkeerd. Inloggen kan niet meer, ook niet met een link.", u.DisplayName]);

    public Task<IActionResult> OnPostUnblockAsync(string? userId) =>
        ChangeAsync(() => block.UnblockAsync(userId, HttpContext.RequestAborted), u => l["{0} is gedeblokkeerd en kan weer inloggen.", u.DisplayName]);

    public Task<IActionResult> OnPostLinkAsync(string? userId) =>
        ChangeAsync(() => mail.RunAsync(userId, publicUrl.Base, HttpContext.RequestAborted), u => l["We hebben een inloglink gestuurd naar {0}.", u.Email!]);

    private async Task<IActionResult> ChangeAsync(Func<Task<Outcome<AppUser>>> run, Func<AppUser, string> message)
    {
        ModelState.Remove("pagina");
        var outcome = await run();
        if (!outcome.IsOk)
        {
            if (outcome.Status != OutcomeStatus.Invalid) return this.Fail(outcome, l, "");
            ModelState.AddErrors(outcome.Errors, l, "");
            return await ShowAsync();
        }
        // Already translated: the flash shows it as it is.
        this.Flash(message(outcome.Value!));
        return Redirect(BackUrl());
    }

    private async Task<IActionResult> ShowAsync()
    {
        var outcome = await find.RunAsync(Search, PageNumber, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        People = outcome.Value!;
        return Page();
    }

    /// <summary>Back to the same search and page after a change.</summary>
    private string BackUrl()
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(Search) && Search.Length <= FindPeople.SearchMax) query.Add("q=" + Uri.EscapeDataString(Search.Trim()));
        if (PageNumber > 1) query.Add("pagina=" + PageNumber);
        return "/beheer/mensen" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    public string PageUrl(int page) =>
        "/beheer/mensen?" + (People.Search.Length > 0 ? "q=" + Uri.EscapeDataString(People.Search) + "&" : "") + "pagina=" + page;
}
