using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>Read API for the thread: questions with their evidence, and the trace of any item. Same rules as the pages.</summary>
public static class ThreadApi
{
    /// <summary>Id and title are null for a story the caller may not read (State "hidden") or a withdrawn one ("withdrawn").</summary>
    public sealed record ItemRefDto(int? Id, string Kind, string? Title, string State);

    public sealed record EvidenceDto(string Link, ItemRefDto Item);

    /// <summary>Evidence: what the question came from (onderbouwt / leidt tot it). Answers: what came of it (the ideas that beantwoorden it).</summary>
    public sealed record QuestionDto(int Id, string Title, string Text, string KnowledgeSource, string Phase, DateTime CreatedAt, IReadOnlyList<EvidenceDto> Evidence, IReadOnlyList<EvidenceDto> Answers);

    public sealed record TraceEntryDto(int Depth, string Link, ItemRefDto Item);

    public sealed record TraceDto(ItemRefDto Item, IReadOnlyList<TraceEntryDto> Backward, IReadOnlyList<TraceEntryDto> Forward);

    // Kinds and link types by their fixed API names (ADR 0017), not UI words or member names.
    public static ItemRefDto ToDto(ItemRef r) => r.State == ItemState.Visible
        ? new ItemRefDto(r.Id, ThreadKinds.For(r.Kind).ApiSlug, r.Title, "visible")
        : new ItemRefDto(null, ThreadKinds.For(r.Kind).ApiSlug, null, r.State == ItemState.Withdrawn ? "withdrawn" : "hidden");

    private static string LinkName(LinkType t) => ThreadSlugs.Link.Of(t);

    public static WebApplication MapThreadApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Rode draad").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/projects/{id:int}/questions", async (int id, ProjectAccess access, ThreadAccess thread, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var p = await access.ForProjectAsync(id, ct);
                if (p is null) return ApiResults.NotFound(l);
                var questions = await db.Items.AsNoTracking().Where(i => i.ProjectId == id && i.Kind == ItemKind.Question)
                    .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(ct);
                var ids = questions.Select(q => q.Id).ToList();
                // Directions as the trace reads them (LinkFlow): evidence is what a question came from, answers what came of it.
                var links = (await db.Links.AsNoTracking().Where(k => ids.Contains(k.ToId) || ids.Contains(k.FromId)).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(ct))
                    .Select(k => (Link: k, Origin: k.OriginId(), Outcome: k.OutcomeId())).ToList();
                var refs = await thread.RefsAsync(links.SelectMany(k => new[] { k.Origin, k.Outcome }).Distinct().ToList(), p, ct);
                List<EvidenceDto> Ends(IEnumerable<(LinkType Type, int Id)> found) =>
                    found.Where(x => refs.ContainsKey(x.Id)).Select(x => new EvidenceDto(LinkName(x.Type), ToDto(refs[x.Id]))).ToList();
                return Results.Ok(questions.Select(q => new QuestionDto(q.Id, q.Title, q.Text, Members.MemberSlugs.Perspective.Of(q.KnowledgeSource), Projects.ProjectSlugs.Phase.Of(q.Phase), q.CreatedAt,
                    Ends(links.Where(k => k.Outcome == q.Id).Select(k => (k.Link.Type, k.Origin))),
                    Ends(links.Where(k => k.Origin == q.Id).Select(k => (k.Link.Type, k.Outcome))))));
            })
            .WithSummary("De \"Hoe kunnen we …?\"-vragen van een project, elk met wat ze onderbouwt en de ideeën die ze beantwoorden")
            .Produces<IEnumerable<QuestionDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/items/{id:int}/trace", async (int id, GetTrace trace, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var t = await trace.RunAsync(id, ct);
                if (t is null) return ApiResults.NotFound(l);
                static List<TraceEntryDto> Flat(IReadOnlyList<TraceLevel> levels) =>
                    levels.SelectMany(v => v.Items.Select(e => new TraceEntryDto(v.Depth, LinkName(e.Type), ToDto(e.Item)))).ToList();
                return Results.Ok(new TraceDto(ToDto(t.Root), Flat(t.Backward), Flat(t.Forward)));
            })
            .WithSummary("Het spoor van een onderdeel: terug naar wat het onderbouwt en vooruit naar wat eruit voortkwam")
            .Produces<TraceDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
