using Microsoft.Extensions.Localization;

namespace Proeftuin.Web;

/// <summary>Outcomes as application/problem+json, with Dutch (or English) messages.</summary>
public static class ApiResults
{
    public static IResult NotFound(IStringLocalizer l) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: l["Niet gevonden"], detail: l["Dit bestaat niet, of je hebt er geen toegang toe."]);

    /// <summary>Dutch titles for statuses the framework answers by itself.</summary>
    public static string? DefaultTitle(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Dit verzoek klopt niet",
        StatusCodes.Status401Unauthorized => "Log eerst in",
        StatusCodes.Status403Forbidden => "Dit mag je niet doen",
        StatusCodes.Status404NotFound => "Niet gevonden",
        StatusCodes.Status405MethodNotAllowed => "Deze methode kan hier niet",
        StatusCodes.Status429TooManyRequests => "Even rustig aan",
        StatusCodes.Status500InternalServerError => "Er ging iets mis",
        StatusCodes.Status503ServiceUnavailable => "Even niet bereikbaar",
        _ => null,
    };

    public static IResult BadQuery(IStringLocalizer l, string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [l[message]] }, title: l["Controleer de invoer"]);
}
