using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Home;

/// <summary>A Dutch page for every error status, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    /// <summary>ViewData key: set, the layout renders without a database call.</summary>
    public const string NoDatabase = nameof(NoDatabase);

    public int Code { get; private set; } = 500;

    // From the route only: a POST that failed (too large, unreadable) must not have its body read again.
    public IActionResult OnGet([FromRoute] int? code) => Show(code);
    public IActionResult OnPost([FromRoute] int? code) => Show(code);

    private PageResult Show(int? code)
    {
        // After an exception the handler has already chosen the status (400 for a request that cannot be read).
        var chosen = code ?? Response.StatusCode;
        Code = chosen is >= 400 and < 600 ? chosen : 500;
        Response.StatusCode = Code;
        if (Code == StatusCodes.Status503ServiceUnavailable)
            Response.Headers.RetryAfter = Web.DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The database may be what failed: the layout must not ask it anything (the unread count) for this page.
        ViewData[NoDatabase] = true;
        return Page();
    }

    public string Heading => Code switch
    {
        400 => "Dit verzoek klopt niet",
        401 => "Log eerst in",
        403 => "Dit mag je niet doen",
        404 => "Deze pagina bestaat niet",
        413 => "Dit bestand is te groot",
        429 => "Even rustig aan",
        503 => "Even niet bereikbaar",
        _ => "Er ging iets mis",
    };

    public string Explanation => Code switch
    {
        400 => "Het formulier was niet meer geldig. Ga terug, laad de pagina opnieuw en probeer het nog een keer.",
        401 => "Je moet ingelogd zijn om dit te zien.",
        403 => "Je hebt geen rechten voor deze actie. Denk je dat dit niet klopt? Vraag het de procesbegeleider van het project.",
        404 => "Misschien is de pagina verplaatst, of heb je geen toegang. Controleer het adres.",
        413 => "Kies een kleiner bestand.",
        429 => "Je hebt dit te vaak achter elkaar geprobeerd. Wacht een paar minuten en probeer het opnieuw.",
        503 => "Proeftuin kan de gegevens even niet bereiken. Probeer het zo nog eens.",
        _ => "Probeer het later opnieuw. Blijft het misgaan? Neem contact op met de beheerder.",
    };
}
