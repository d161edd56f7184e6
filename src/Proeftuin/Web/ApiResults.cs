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

    /// <summary>
    /// A failed use case as its problem: 404, 403, or 400 with each field's Dutch message under its JSON name
    /// (<paramref name="jsonName"/> maps a use case's field to it); null when the outcome is ok.
    /// </summary>
    public static IResult? Failed<T>(Outcome<T> outcome, IStringLocalizer l, Func<string, string> jsonName) => outcome.Status switch
    {
        OutcomeStatus.NotFound => NotFound(l),
        OutcomeStatus.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: l["Dit mag je niet doen"]),
        OutcomeStatus.Invalid => Results.ValidationProblem(outcome.Errors.GroupBy(e => jsonName(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Localize(l)).ToArray()), title: l["Controleer de invoer"]),
        _ => null,
    };

    public static IResult BadQuery(IStringLocalizer l, string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [l[message]] }, title: l["Controleer de invoer"]);

    /// <summary>
    /// A JSON body of at most <paramref name="maxBytes"/>, or the problem to answer instead: 415 for anything but JSON
    /// (a cross-site form cannot send JSON without a preflight, which is never granted, so no antiforgery token is
    /// needed), 413 before reading when the body is announced too big or turns out to be, 400 with
    /// <paramref name="invalid"/> when it does not parse. <paramref name="tooBig"/> says what the limit is in words.
    /// </summary>
    public static async Task<(T? Body, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, long maxBytes, IStringLocalizer l,
        string tooBig, string invalid, CancellationToken ct) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: l["Stuur JSON"], detail: l["Gebruik Content-Type: application/json."]));
        var tooLarge = Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: l["Te groot"], detail: l[tooBig]);
        if (request.ContentLength > maxBytes) return (null, tooLarge);
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = maxBytes;
        T? body;
        try { body = await request.ReadFromJsonAsync<T>(ct); }
        catch (System.Text.Json.JsonException) { body = null; }
        // An unknown charset in the Content-Type: the body cannot be read either.
        catch (InvalidOperationException) { body = null; }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { return (null, tooLarge); }
        return body is null ? (null, BadQuery(l, "body", invalid)) : (body, null);
    }
}
