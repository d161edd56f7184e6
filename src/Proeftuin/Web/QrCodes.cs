using System.Globalization;
using System.Net;
using System.Text;
using QRCoder;

namespace Proeftuin.Web;

/// <summary>
/// QR codes as inline SVG. Drawn here from QRCoder's module matrix rather than with its SVG renderer, so the markup
/// has no <c>style</c> attribute (the CSP forbids inline styles) and carries an accessible name.
/// </summary>
public static class QrCodes
{
    /// <summary>
    /// An SVG QR code (error correction level M) for <paramref name="url"/>, with <c>role="img"</c> and
    /// <paramref name="label"/> as its <c>aria-label</c> and title. Size it with CSS (class <c>pt-qr</c>); it scales without blur.
    /// The same input always gives the same markup.
    /// </summary>
    public static string Svg(string url, string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentNullException.ThrowIfNull(label);

        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        // The matrix includes QRCoder's quiet zone of four modules on every side, which scanners need.
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            var x = 0;
            while (x < size)
            {
                if (!row[x])
                {
                    x++;
                    continue;
                }
                // One horizontal run of dark modules becomes one rectangle: a much shorter path than one per module.
                var start = x;
                while (x < size && row[x])
                {
                    x++;
                }
                path.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{x - start}v1h-{x - start}z");
            }
        }

        var name = WebUtility.HtmlEncode(label);
        return string.Create(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" class="pt-qr" viewBox="0 0 {size} {size}" role="img" aria-label="{name}" shape-rendering="crispEdges"><title>{name}</title><rect width="{size}" height="{size}" fill="#ffffff"/><path fill="#000000" d="{path}"/></svg>""");
    }
}
