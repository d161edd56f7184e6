using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// Joining by code: /doe-mee asks for the code, /doe-mee/{code} for a name and a perspective (guests) or one click
/// (signed in). Every request counts against the join limit, so codes cannot be found by trying.
/// </summary>
[EnableRateLimiting(RateLimits.Join)]
public sealed class JoinByCodeModel(JoinSession join, SessionAccess access, Caller user, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string UnknownCode = "Deze code kennen we niet, of de sessie is al afgelopen. Kijk de code nog eens na.";

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public JoinForm Input { get; set; } = new();
    public LiveSession? Session { get; private set; }
    public bool SignedIn => user.IsSignedIn;
    public string? MyName { get; private set; }
    /// <summary>A guest whose browser was here before (browser key): one click brings them back to their seat under this name.</summary>
    public string? ReturningName { get; private set; }
    /// <summary>Why this person cannot join (taken out, or joining closed); the form is not shown.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Code)) return Page();
        // A typed code in the query (the form on /doe-mee) becomes the address of that code.
        if (Request.Query.ContainsKey("code") && JoinCodes.Normalize(Code) is { } typed) return Redirect($"/doe-mee/{typed}");
        var found = await FindAsync();
        if (found is not null) return found;
        var caller = await access.LoadAsync(Session!.Id, HttpContext.RequestAborted);
        if (caller?.Participant is not null) return Redirect($"/sessies/{Session.Id}");
        var returning = await join.ReturningSeatAsync(Session.Id, HttpContext.RequestAborted);
        if (caller?.Removed is not null || returning is { RemovedAt: not null }) return Refuse(ParticipantRules.RemovedMessage);
        if (returning is not null)
        {
            ReturningName = returning.DisplayName;
            return Page();
        }
        // Members of the team who are not in yet are refused too: the list is closed for everyone new.
        if (caller is { IsJoiningClosed: true }) return Refuse(ParticipantRules.JoiningClosedMessage);
        return Page();
    }

    private PageResult Refuse(string message)
    {
        Refusal = message;
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var found = await FindAsync();
        if (found is not null) return found;
        var ct = HttpContext.RequestAborted;
        var name = Input.DisplayName;
        var perspective = Enum.TryParse<Perspective>(Input.Perspective, out var p) && Enum.IsDefined(p) ? p : (Perspective)(-1);
        if (user.Id is { } userId)
        {
            // Signed in: join as yourself, with the knowledge you usually bring.
            var me = await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.DefaultPerspective }).FirstAsync(ct);
            name = me.DisplayName;
            perspective = me.DefaultPerspective;
        }
        // Guests get a browser-wide key first, so this browser finds its seat again if the session's cookie is lost.
        if (user.Id is null && user.BrowserKey is null)
        {
            var browserKey = Tokens.New();
            Response.Cookies.Append(Caller.BrowserCookie, browserKey, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
                Path = "/",
                IsEssential = true,
                Expires = clock.GetUtcNow().AddDays(30),
            });
            user.HoldBrowserKey(browserKey);
        }
        var outcome = await join.JoinByCodeAsync(Code, name, perspective, ct);
        if (!outcome.IsOk)
        {
            // Taken out or closed: say so without the form, as the GET does.
            var message = outcome.Errors.Select(e => e.Message).FirstOrDefault(m => m is ParticipantRules.RemovedMessage or ParticipantRules.JoiningClosedMessage);
            return message is not null ? Refuse(message) : this.Fail(outcome, l);
        }
        var joined = outcome.Value!;
        if (joined.GuestKey is { } key)
            Response.Cookies.Append(Caller.GuestCookie(joined.Participant.SessionId), key, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
                Path = "/",
                IsEssential = true,
                Expires = clock.GetUtcNow().AddHours(24),
            });
        this.Flash("Welkom! Je doet nu mee aan de sessie.");
        return Redirect($"/sessies/{joined.Participant.SessionId}");
    }

    private async Task<IActionResult?> FindAsync()
    {
        Session = await join.FindByCodeAsync(Code, HttpContext.RequestAborted);
        if (Session is not null)
        {
            if (user.Id is { } userId) MyName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(HttpContext.RequestAborted);
            return null;
        }
        ModelState.AddModelError("Code", l[UnknownCode]);
        var page = Page();
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }
}

public sealed class JoinForm
{
    public string? DisplayName { get; set; }
    public string? Perspective { get; set; }
}
