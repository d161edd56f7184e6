using Microsoft.Extensions.Localization;

namespace Proeftuin.Web;

/// <summary>Outcomes as application/problem+json, with Dutch (or English) messages.</summary>
public static class ApiResults
{
    public static IResult Problem<T>(Outcome<T> outcome, IStringLocalizer l) => outcome.Status switch
    {
        OutcomeStatus.NotFound => NotFound(l),
        OutcomeStatus.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: l["Dit mag je niet doen"]),
        _ => Results.ValidationProblem(
            outcome.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Localize(l)).ToArray()),
            title: l["Controleer de invoer"]),
    };

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
        _ => null,
    };

    public static IResult BadQuery(IStringLocalizer l, string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [l[message]] }, title: l["Controleer de invoer"]);
}
