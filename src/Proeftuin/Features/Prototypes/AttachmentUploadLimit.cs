using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Proeftuin.Features.Prototypes;

/// <summary>
/// The request-size limit of the upload handler, from configuration (Prototypes:AttachmentMaxBytes plus room for the
/// form's other fields). It runs before antiforgery reads the form (an authorization filter with a low order, as
/// ASP.NET Core's own RequestSizeLimit does): a request far beyond the limit is refused before its body is read, with
/// 413 and a plain Dutch sentence; one a little over it reaches the use case, which says so next to the field.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AttachmentUploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => -2000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method)) return;
        var limit = http.RequestServices.GetRequiredService<IOptions<PrototypeOptions>>().Value.AttachmentMaxBytes + PrototypeOptions.RequestOverhead;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new ContentResult
            {
                StatusCode = StatusCodes.Status413PayloadTooLarge,
                ContentType = "text/plain; charset=utf-8",
                Content = "Het bestand is te groot. Ga terug en kies een kleiner bestand.",
            };
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>() is not { Form: not null })
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
