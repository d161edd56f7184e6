using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Proeftuin.Web;

/// <summary>
/// Brotli or gzip for HTML, JSON and the other text answers, over HTTP and HTTPS (ADR 0022: why BREACH does not stop
/// it here). The fastest level: a page is compressed while it is written, and a cached public page keeps its compressed
/// body, so it is compressed once per eviction, not per request. Static assets are not compressed here: they come
/// compressed at build time (MapStaticAssets serves the .br/.gz files).
/// </summary>
public static class Compression
{
    public static WebApplicationBuilder AddCompression(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "image/svg+xml", "text/csv"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }
}
