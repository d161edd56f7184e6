using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>A prototype over HTTP, with the same use case and rules as its page; and the endpoint that serves attachments.</summary>
public static class PrototypesApi
{
    public sealed record AssumptionDto(int Id, int Number, string Text, string Risk, string Certainty, bool TestFirst);

    public sealed record AttachmentDto(int Id, string FileName, string ContentType, int Size, int? Width, int? Height, string AltText, DateTime UploadedAt, string Url);

    /// <summary>
    /// Text is what the team wants to learn as typed (Markdown), Html the same rendered. IdeaIds: the ideas it was made
    /// from. Why: everything upstream of it (ideas, questions, needs, insights, stories), stories the caller may not read
    /// left out, withdrawn ones with state "withdrawn" and no id or title.
    /// </summary>
    public sealed record PrototypeDto(int Id, int ProjectId, string Title, string ForWhom, string Form, string Text, string Html,
        string KnowledgeSource, string Phase, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<int> IdeaIds,
        IReadOnlyList<AssumptionDto> Assumptions, IReadOnlyList<AttachmentDto> Attachments, IReadOnlyList<ThreadApi.ItemRefDto> Why);

    public static WebApplication MapPrototypesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Prototypes").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/prototypes/{id:int}", async (int id, GetPrototype get, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var outcome = await get.RunAsync(id, ct);
                if (!outcome.IsOk) return ApiResults.NotFound(l);
                var v = outcome.Value!;
                http.Response.Headers.CacheControl = "no-store";
                var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
                return Results.Ok(new PrototypeDto(v.Id, v.ProjectId, v.Title, v.ForWhom, PrototypeSlugs.Form.Of(v.Form), v.Text, v.Html,
                    MemberSlugs.Perspective.Of(v.KnowledgeSource), ProjectSlugs.Phase.Of(v.Phase), v.CreatedAt, v.UpdatedAt,
                    v.Ideas.Select(i => i.Id).ToList(),
                    v.Assumptions.Select(a => new AssumptionDto(a.Id, a.Number, a.Text, PrototypeSlugs.Risk.Of(a.Risk), PrototypeSlugs.Certainty.Of(a.Certainty), a.TestFirst)).ToList(),
                    v.Attachments.Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Width, a.Height, a.AltText, a.UploadedAt, baseUrl + a.Url)).ToList(),
                    v.Why.SelectMany(g => g.Items).Select(ThreadApi.ToDto).ToList()));
            })
            .WithSummary("Een prototype: wat het is, voor wie, de vorm, wat het team wil leren, de aannames, de bijlagen (zonder inhoud, met adres) en de ideeën waar het uit komt")
            .Produces<PrototypeDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The file itself, for who may read the project: a page address, not part of the JSON API.
        app.MapGet("/bijlagen/{id:int}", async (int id, GetAttachment get, HttpContext http, CancellationToken ct) =>
            {
                var file = await get.RunAsync(id, ct);
                if (file is null) return Results.NotFound();
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                // Members-only projects: no shared cache may keep it.
                headers.CacheControl = "private, max-age=300";
                // The site's CSP (no inline script) applies here too; a PDF is downloaded, not shown on this origin.
                var inline = file.ContentType.StartsWith("image/", StringComparison.Ordinal);
                var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
                disposition.SetHttpFileName(file.FileName);
                headers.ContentDisposition = disposition.ToString();
                return Results.Bytes(file.Content, file.ContentType);
            })
            .ExcludeFromDescription();
        return app;
    }
}
