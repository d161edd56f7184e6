using System.Text.Json;
using Microsoft.EntityFrameworkCore;
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

    public sealed record ResultsDto(int SessionId, IReadOnlyList<VoteStepResults> Steps);

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

        api.MapGet("/results", async (int id, SessionAccess access, SessionResults results, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var caller = await access.ForSessionAsync(id, ct);
                if (caller is null) return Missing(http, id, l);
                return Results.Ok(new ResultsDto(id, await results.ClosedVoteStepsAsync(caller, null, ct)));
            })
            .WithSummary("De uitslag per afgesloten stemstap: stippen per post-it, per kennisbron, en gewogen (elke kennisbron telt even zwaar)")
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

        api.MapPost("/notes", async (int id, HttpRequest request, ISessionNoteWriter notes, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
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
                var note = outcome.Value!;
                return Results.Created($"/api/v1/sessions/{id}", new NoteView(note.Id, note.StepId, note.Text, note.ClusterId,
                    note.Participant?.DisplayName, note.Participant?.Perspective, true, note.IdeaId, note.CreatedAt));
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
        return app;
    }

    /// <summary>
    /// Not found for everyone who may not see the session; a caller with neither a sign-in nor a guest cookie for it is
    /// told to sign in first (401), which says nothing about whether the session exists.
    /// </summary>
    private static IResult Missing(HttpContext http, int sessionId, IStringLocalizer l) =>
        http.User.Identity?.IsAuthenticated != true && !http.Request.Cookies.ContainsKey(SessionAccess.GuestCookie(sessionId))
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

/// <summary>
/// MERGE: the API writes notes through the notes developer's <c>WriteNote.AddAsync(sessionId, text, ct)</c>. Until that
/// is merged, <see cref="InterimNoteWriter"/> stands in; at merge, register WriteNote behind this interface (or call it
/// directly from SessionsApi) and delete the interim class.
/// </summary>
public interface ISessionNoteWriter
{
    Task<Outcome<Note>> AddAsync(int sessionId, string? text, CancellationToken ct = default);
}

/// <summary>
/// MERGE: delete once WriteNote is merged. A stand-in with the same rules as the design contract: participants only,
/// while the session runs, in a Write or Share step; the same limits; private notes go only to their writer.
/// </summary>
public sealed class InterimNoteWriter(Data.AppDbContext db, SessionAccess access, SessionEvents events, TimeProvider clock) : ISessionNoteWriter
{
    public const int PerMinute = 20;

    public async Task<Outcome<Note>> AddAsync(int sessionId, string? text, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<Note>.NotFound();
        if (caller.IsClosed) return Outcome<Note>.Invalid("Session", "Deze sessie is al afgelopen: er kunnen geen post-its meer bij.");
        if (caller.Participant is not { } me) return Outcome<Note>.Forbidden();
        if (!caller.IsRunning) return Outcome<Note>.Invalid("Session", "Deze sessie is nog niet begonnen. Wacht tot de begeleider de sessie start.");
        if (caller.CurrentStep is not { Mode: StepMode.Write or StepMode.Share } step)
            return Outcome<Note>.Invalid("Text", "In deze stap kun je geen nieuwe post-its schrijven.");
        var v = new Validation();
        var clean = v.Text("Text", text, SessionLimits.Note, label: "de tekst van je post-it");
        if (!v.IsValid) return v;
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddMinutes(-1);
        var mine = db.Notes.Where(n => n.SessionId == sessionId && n.ParticipantId == me.Id);
        if (await mine.CountAsync(ct) >= SessionLimits.NotesPerParticipant)
            return Outcome<Note>.Invalid("Text", "Je hebt al het grootste aantal post-its voor deze sessie geschreven.");
        if (await mine.CountAsync(n => n.CreatedAt >= since, ct) >= PerMinute)
            return Outcome<Note>.Invalid("Text", "Je schrijft erg snel. Wacht een minuut en probeer het dan opnieuw.");
        var note = new Note { SessionId = sessionId, StepId = step.Id, ParticipantId = me.Id, Participant = me, Text = clean, CreatedAt = now };
        db.Notes.Add(note);
        var seq = await events.SaveAsync(sessionId, ct);
        var view = new NoteView(note.Id, step.Id, note.Text, null, me.DisplayName, me.Perspective, false, null, now);
        if (NoteRules.IsRevealed(step))
        {
            await events.ToAll(sessionId).NoteAdded(view, seq);
        }
        else
        {
            await events.ToPerson(sessionId, me.Id).NoteAdded(view with { Mine = true }, seq);
            await events.ToAll(sessionId).PrivateNotesCounted(step.Id, await db.Notes.CountAsync(n => n.StepId == step.Id, ct), seq);
        }
        return Outcome<Note>.Ok(note);
    }
}
