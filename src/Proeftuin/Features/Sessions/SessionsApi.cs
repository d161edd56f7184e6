using System.Text.Json;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// Live sessions over HTTP: the state as the caller may see it, the results of closed votes, and writing a note.
/// Same use cases and rules as the page and the hub. Members are known by their sign-in cookie, guests by their
/// session's guest cookie; POST accepts only application/json (a cross-site form cannot send it without a preflight,
/// which this app never grants), so no antiforgery token is needed. Nothing is cached: notes are personal.
/// </summary>
public static class SessionsApi
{
    /// <summary>The JSON body of POST notes.</summary>
    public sealed record NewNoteDto(string? Text);

    public sealed record ResultsDto(int SessionId, IReadOnlyList<ResultsView> Steps);

    /// <summary>The JSON body of PUT joining: "Open", "Closed" or "UntilVote" (a string: a nullable enum here trips the OpenAPI schema of JoiningRule).</summary>
    public sealed record JoiningDto(string? Joining);

    private const long MaxBody = 16 * 1024;

    public static WebApplication MapSessionsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/sessions/{id:int}").WithTags("Sessies").RequireRateLimiting(RateLimits.Api)
            .AddEndpointFilter(NoStore);

        api.MapGet("", async (int id, GetSessionState state, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var view = await state.RunAsync(id, ct);
                return view is null ? Missing(http, id, l) : Results.Ok(view);
            })
            .WithSummary("Eén sessie zoals jij die mag zien: stappen, post-its (privé-post-its van anderen alleen geteld), clusters, deelname")
            .Produces<SessionView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/results", async (int id, SessionAccess access, GetResults results, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var caller = await access.ForSessionAsync(id, ct);
                if (caller is null) return Missing(http, id, l);
                return Results.Ok(new ResultsDto(id, await results.ClosedStepsAsync(caller, ct)));
            })
            .WithSummary("De uitslag per afgesloten stemstap: stippen per post-it, per kennisbron, en gewogen (elke kennisbron telt even zwaar, volgens de regel voor kleine groepen: rule, minVoters; per kennisbron voters, belowThreshold, weight)")
            .Produces<ResultsDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/notes", async (int id, GetSessionState state, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var view = await state.RunAsync(id, ct);
                return view is null ? Missing(http, id, l) : Results.Ok(view.Notes);
            })
            .WithSummary("De post-its die jij mag zien: die van anderen in een privéstap pas na het tonen, zonder namen als de stap anoniem is")
            .Produces<IReadOnlyList<NoteView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/notes", async (int id, HttpRequest request, WriteNote notes, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                // Checked before reading the body: a form post (the cross-site kind) is refused outright.
                if (!request.HasJsonContentType())
                    return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: l["Stuur JSON"],
                        detail: l["Gebruik Content-Type: application/json."]);
                if (request.ContentLength > MaxBody)
                    return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: l["Te groot"], detail: l["Een post-it is maximaal 500 tekens."]);
                if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                    size.MaxRequestBodySize = MaxBody;
                NewNoteDto? body;
                try { body = await request.ReadFromJsonAsync<NewNoteDto>(ct); }
                catch (JsonException) { body = null; }
                // An unknown charset in the Content-Type: the body cannot be read either.
                catch (InvalidOperationException) { body = null; }
                catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: l["Te groot"], detail: l["Een post-it is maximaal 500 tekens."]);
                }
                if (body is null) return ApiResults.BadQuery(l, "body", "De inhoud is geen geldige JSON voor een post-it. Stuur bijvoorbeeld {\"text\": \"…\"}.");
                var outcome = await notes.AddAsync(id, body.Text, ct);
                switch (outcome.Status)
                {
                    case OutcomeStatus.NotFound: return Missing(request.HttpContext, id, l);
                    case OutcomeStatus.Forbidden: return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: l["Dit mag je niet doen"]);
                    case OutcomeStatus.Invalid:
                        return Results.ValidationProblem(outcome.Errors.GroupBy(e => Camel(e.Field))
                            .ToDictionary(g => g.Key, g => g.Select(e => e.Localize(l)).ToArray()), title: l["Controleer de invoer"]);
                }
                return Results.Created($"/api/v1/sessions/{id}/notes", outcome.Value);
            })
            .WithSummary("Schrijf een post-it in de huidige stap (als deelnemer, in een schrijf- of deelstap). JSON: { \"text\": \"…\" }, maximaal 500 tekens")
            .Accepts<NewNoteDto>("application/json")
            .Produces<NoteView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapDelete("/participants/{participantId:int}", async (int id, int participantId, ManageParticipants manage, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var outcome = await manage.RemoveAsync(id, participantId, ct);
                if (outcome.Status == OutcomeStatus.NotFound) return Missing(http, id, l);
                return ApiResults.Failed(outcome, l, Camel) ?? Results.NoContent();
            })
            .WithSummary("Haal een deelnemer uit de sessie (begeleider). Hun post-its blijven; hun stippen in open stemmingen vervallen; ze kunnen niet opnieuw meedoen")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/joining", async (int id, HttpRequest request, ManageParticipants manage, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var (body, problem) = await ApiResults.ReadJsonAsync<JoiningDto>(request, MaxBody, l, "Stuur alleen {\"joining\": \"Closed\"}.",
                    "De inhoud is geen geldige JSON. Stuur bijvoorbeeld {\"joining\": \"Closed\"} (of \"Open\", \"UntilVote\").", ct);
                if (problem is not null) return problem;
                var rule = Enum.TryParse<JoiningRule>(body!.Joining, ignoreCase: true, out var r) && !int.TryParse(body.Joining, out _) ? r : (JoiningRule)(-1);
                var outcome = await manage.SetJoiningAsync(id, rule, ct);
                if (outcome.Status == OutcomeStatus.NotFound) return Missing(request.HttpContext, id, l);
                return ApiResults.Failed(outcome, l, Camel) ?? Results.Ok(new JoiningDto(outcome.Value.ToString()));
            })
            .WithSummary("Meedoen open of dicht (begeleider): Open, Closed, of UntilVote (dicht zodra een stemstap begint). Wie al meedoet, kan altijd verder")
            .Accepts<JoiningDto>("application/json")
            .Produces<JoiningDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    /// <summary>
    /// Not found for everyone who may not see the session; a caller with neither a sign-in nor a guest cookie for it is
    /// told to sign in first (401), which says nothing about whether the session exists.
    /// </summary>
    /// <summary>Someone who brings nothing for this session (no account, no guest key for it) is asked to sign in or join.</summary>
    private static IResult Missing(HttpContext http, int sessionId, IStringLocalizer l) =>
        http.RequestServices.GetRequiredService<SessionAccess>().IsRemovedFrom(sessionId)
            ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: l["Dit mag je niet doen"], detail: l[ParticipantRules.RemovedMessage])
            : http.RequestServices.GetRequiredService<Caller>() is { IsSignedIn: false } caller && caller.GuestKeyFor(sessionId) is null
            ? Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: l["Log eerst in"],
                detail: l["Log in, of doe mee met de code van de sessie."])
            : ApiResults.NotFound(l);

    /// <summary>Notes are personal: no browser or proxy keeps a copy.</summary>
    private static async ValueTask<object?> NoStore(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return await next(context);
    }

    private static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
