using System.Text.Json;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>
/// Stories over HTTP, with the same use cases and consent rules as the pages. POST is cookie-authenticated and
/// accepts only application/json: a cross-site HTML form cannot send that without a CORS preflight (which this app
/// never grants), and the Lax cookie is not sent on cross-site POSTs; so no antiforgery token is needed here.
/// </summary>
public static class StoriesApi
{
    /// <summary>Scope and MayQuote only for the team and the teller; TellerName null when hidden or not given.</summary>
    public sealed record StoryDto(int Id, int ProjectId, int? PromptId, string? Prompt, string Title, string Text, string Html,
        string ShownName, bool Anonymised, string Perspective, string Phase, DateTime CreatedAt,
        string? Scope, bool? MayQuote, bool Recorded, JsonElement? Signification, DateTime? SignifiedAt, int? FrameworkVersion);

    public sealed record StorySummaryDto(int Id, int? PromptId, string? Prompt, string Title, string Excerpt, string ShownName, bool Anonymised,
        string Perspective, DateTime CreatedAt, string? Scope, bool Recorded, bool Signified);

    /// <summary>The JSON body of POST; scope is required (Team, Project or PublicAnonymised), perspective defaults to yours.</summary>
    public sealed record NewStoryDto(int? PromptId, string? Title, string? Text, string? Perspective, string? Scope,
        bool MayQuote, bool NotifyByEmail, string? TellerName);

    private const long MaxBody = 64 * 1024;

    public static WebApplication MapStoriesApi(this WebApplication app)
    {
        var projects = app.MapGroup("/api/v1/projects/{id:int}/stories").WithTags("Verhalen").RequireRateLimiting(RateLimits.Api)
            .AddEndpointFilter(NoStore);

        projects.MapGet("/", async (int id, int? promptId, string? page, string? limit, string? after, FindStories find, HttpContext http,
                IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                // Checked before anything is read, each with its own Dutch message (a bad value is a 400, never a 500).
                var size = FindStories.PageSize;
                if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size)
                        || size < 1 || size > FindStories.MaxPageSize))
                    return ApiResults.BadQuery(l, "limit", "Kies een limit van 1 tot en met 100.");
                if (page is not null && after is not null)
                    return ApiResults.BadQuery(l, "page", "Gebruik page of after, niet allebei.");
                StoryCursor? cursor = null;
                if (after is not null && !StoryCursor.TryParse(after, out cursor))
                    return ApiResults.BadQuery(l, "after", "Deze after-waarde kennen we niet. Gebruik de link uit de Link-header van de vorige pagina.");
                var number = 0;
                if (page is not null && (!int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number)
                        || number < 1 || number > FindStories.MaxPage))
                    return ApiResults.BadQuery(l, "page", "Kies een page van 1 tot en met 100.000, of blader met de link uit de Link-header.");

                var culture = System.Globalization.CultureInfo.InvariantCulture;
                string Next(string query) =>
                    $"<{http.Request.PathBase}/api/v1/projects/{id}/stories?{query}&limit={size}{(promptId is { } p ? $"&promptId={p}" : "")}>; rel=\"next\"";
                IEnumerable<StoryListItem> stories;
                ProjectPermissions permissions;
                if (page is null)
                {
                    // The default: newest first from a cursor, no count and no offset, so every page costs the same (ADR 0026).
                    var result = await find.PageAsync(id, promptId, cursor, size, ct);
                    if (result is null) return ApiResults.NotFound(l);
                    if (result.Next is { } next)
                        http.Response.Headers.Link = Next("after=" + Uri.EscapeDataString(next.ToString()));
                    (stories, permissions) = (result.Stories, result.Permissions);
                }
                else
                {
                    // Numbered pages with their totals, as before: each costs a count of the whole list and an offset.
                    var list = await find.RunAsync(id, promptId, number, size, ct);
                    if (list is null) return ApiResults.NotFound(l);
                    http.Response.Headers["X-Total-Count"] = list.Total.ToString(culture);
                    http.Response.Headers["X-Page-Count"] = list.Pages.ToString(culture);
                    if (number < list.Pages) http.Response.Headers.Link = Next("page=" + (number + 1).ToString(culture));
                    (stories, permissions) = (list.Stories, list.Permissions);
                }
                return Results.Ok(stories.Select(s => new StorySummaryDto(s.Id, s.PromptId, s.PromptText, s.Title, s.Excerpt,
                    StoryConsent.ShownName(s.Id, s.TellerName, s.Anonymised, l), s.Anonymised, MemberSlugs.Perspective.Of(s.Perspective), s.CreatedAt,
                    permissions.IsTeam ? StorySlugs.Scope.Of(s.Scope) : null, s.Recorded, s.Signified)));
            })
            // Signed out, the list is what the public story page shows: kept on this server until a change (the
            // answer still says no-store to browsers and proxies).
            .CacheOutput(PageCache.NoStoreApiPolicy)
            .WithSummary("De verhalen van een project die je mag lezen, nieuwste eerst: limit per pagina (standaard 50, hoogstens 100), de volgende pagina in de Link-header (after=…); filter met promptId. Met page=1, 2, … genummerde pagina's met het totaal in X-Total-Count")
            .Produces<IEnumerable<StorySummaryDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        projects.MapPost("/", async (int id, HttpRequest request, ShareStory share, GetStory get, IStringLocalizer<SharedResource> l, ILogger<ShareStory> logger, CancellationToken ct) =>
            {
                // A form post (the cross-site kind) is refused outright; a story is at most 10,000 characters, so a body far
                // beyond that is refused before it is read.
                var (body, problem) = await ApiResults.ReadJsonAsync<NewStoryDto>(request, MaxBody, l,
                    "Een verhaal is maximaal 10.000 tekens.", "De inhoud is geen geldige JSON voor een verhaal.", ct);
                if (body is null) return problem!;
                // The API's names (any case) become the use case's; anything else goes through as is and gets its Dutch message.
                var perspective = MemberSlugs.Perspective.Parse(body.Perspective)?.ToString() ?? body.Perspective;
                var scope = StorySlugs.Scope.Parse(body.Scope)?.ToString() ?? body.Scope;
                var outcome = await share.ShareAsync(id, new StoryInput(body.PromptId, body.Title, body.Text, perspective, scope,
                    body.MayQuote, body.NotifyByEmail, body.TellerName), ct);
                if (ApiResults.Failed(outcome, l, Camel) is { } failed) return failed;
                var location = $"/api/v1/stories/{outcome.Value!.Id}";
                try
                {
                    var created = await get.RunAsync(outcome.Value.Id, ct);
                    return Results.Created(location, ToDto(created.View!, l));
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // Saved: the answer says so. The whole story is read again from its Location.
                    logger.LogWarning(e, "A shared story was saved but could not be read back for the answer");
                    return Results.Created(location, new { id = outcome.Value.Id });
                }
            })
            .RequireAuthorization()
            .WithSummary("Deel een verhaal (ingelogd). JSON: promptId, title, text, perspective, scope (verplicht), mayQuote, notifyByEmail, tellerName")
            .Accepts<NewStoryDto>("application/json")
            .Produces<StoryDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        app.MapGet("/api/v1/stories/{id:int}", async (int id, GetStory get, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                // The teller's key comes as ?key= and is read once into the Caller (?sleutel= still works for one release).
                var result = await get.RunAsync(id, ct);
                // Withdrawn is simply not found here: the API never tells a withdrawn story apart.
                return result.Access == StoryAccess.Ok ? Results.Ok(ToDto(result.View!, l)) : ApiResults.NotFound(l);
            })
            .WithTags("Verhalen")
            .RequireRateLimiting(RateLimits.Api)
            .WithSummary("Eén verhaal, als je het mag lezen (of met ?key= de privésleutel van de verteller)")
            .Produces<StoryDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddEndpointFilter(NoStore);
        return app;
    }

    /// <summary>Stories are special-category data: no browser or proxy keeps a copy.</summary>
    private static async ValueTask<object?> NoStore(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return await next(context);
    }

    private static StoryDto ToDto(StoryView s, IStringLocalizer l) => new(s.Id, s.ProjectId, s.PromptId, s.PromptText, s.Title, s.Text, s.Html,
        StoryConsent.ShownName(s.Id, s.TellerName, s.Anonymised, l), s.Anonymised, MemberSlugs.Perspective.Of(s.Perspective), Projects.ProjectSlugs.Phase.Of(s.Phase), s.CreatedAt,
        s.ShowConsent ? StorySlugs.Scope.Of(s.Scope) : null, s.ShowConsent ? s.MayQuote : null, s.Recorded,
        Parse(s.SignificationJson), s.SignifiedAt, s.FrameworkVersion);

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException) { return null; }
    }

    private static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
