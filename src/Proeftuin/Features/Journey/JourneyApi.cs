using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Journey;

/// <summary>The innovatiereis over HTTP, from the same use case as its page.</summary>
public static class JourneyApi
{
    /// <summary>
    /// One moment: kind (phase, gate, experiment, decision, entry), its day and phase; entryType and knowledgeSource
    /// for a note; until for a proef; label the phase, verdict, decision or note type (API names); title what people wrote.
    /// </summary>
    public sealed record JourneyEventDto(string Kind, DateOnly Day, string Phase, string Label, string? Title, int? Id, string? EntryType,
        string? KnowledgeSource, DateOnly? Until);

    public sealed record PhaseSpanDto(string Phase, DateOnly From, DateOnly? To);

    public sealed record JourneyDto(int ProjectId, IReadOnlyList<PhaseSpanDto> Phases, IReadOnlyList<JourneyEventDto> Events);

    public static WebApplication MapJourneyApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Journey").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/projects/{id:int}/journey", async (int id, GetJourney get, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var v = await get.RunAsync(id, ct);
                if (v is null) return ApiResults.NotFound(l);
                http.Response.Headers.CacheControl = "no-store";
                return Results.Ok(new JourneyDto(v.ProjectId,
                    v.Phases.Select(s => new PhaseSpanDto(ProjectSlugs.Phase.Of(s.Phase), s.From, s.To)).ToList(),
                    v.Events.Select(e => new JourneyEventDto(Slug(e.Kind), e.Day, ProjectSlugs.Phase.Of(e.Phase), LabelOf(e), e.Title, e.Id,
                        e.EntryType is { } t ? JourneyWords.Slugs.Of(t) : null, e.Source is { } s ? MemberSlugs.Perspective.Of(s) : null, e.Until)).ToList()));
            })
            .WithSummary("De innovatiereis van een project: de fasen en, op datum, de poorten, proeven, besluiten en reisnotities (kwesties, leermomenten, antwoorden, richtingaanwijzers, doodlopende afslagen)")
            .Produces<JourneyDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            // No copy in browsers or proxies (no-store); this server keeps it for signed-out callers until data changes.
            .CacheOutput(PageCache.NoStoreApiPolicy);
        return app;
    }

    private static readonly Dictionary<JourneyEventKind, string> KindSlugs = new()
    {
        [JourneyEventKind.Phase] = "phase",
        [JourneyEventKind.Gate] = "gate",
        [JourneyEventKind.Experiment] = "experiment",
        [JourneyEventKind.Decision] = "decision",
        [JourneyEventKind.Entry] = "entry",
    };

    private static string Slug(JourneyEventKind kind) => KindSlugs[kind];

    /// <summary>The API name of what the moment is: its phase, verdict, decision or note type; "experiment" for a proef.</summary>
    private static string LabelOf(JourneyEvent e) => e.Kind switch
    {
        JourneyEventKind.Phase => ProjectSlugs.Phase.Of(e.Phase),
        JourneyEventKind.Entry => JourneyWords.Slugs.Of(e.EntryType!.Value),
        JourneyEventKind.Experiment => KindSlugs[JourneyEventKind.Experiment],
        _ => e.Code ?? "",
    };
}
