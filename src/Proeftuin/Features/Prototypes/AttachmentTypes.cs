using System.Buffers.Binary;

namespace Proeftuin.Features.Prototypes;

/// <summary>What the first bytes of a file say it is: the type we store and serve, and for images the size in pixels.</summary>
public sealed record DetectedFile(string ContentType, int? Width, int? Height)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>
/// Recognises the attachment types we accept by their magic numbers: PNG, JPEG, WebP, GIF and PDF. Anything else
/// (HTML, SVG, a script, an executable, a file that only has the right name) is null. Width and height come from
/// the image header when it is cheap to read; a header we cannot read leaves them null (the image still shows).
/// </summary>
public static class AttachmentTypes
{
    // Static readonly, not const: media types, not texts for the i18n key scan.
    public static readonly string Pdf = "application/pdf";
    public static readonly string Png = "image/png";
    public static readonly string Jpeg = "image/jpeg";
    public static readonly string Gif = "image/gif";
    public static readonly string WebP = "image/webp";

    public static DetectedFile? Detect(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 24 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            // The IHDR chunk comes first: width and height as big-endian 32-bit numbers at 16 and 20.
            var ihdr = b[12..16].SequenceEqual("IHDR"u8);
            return new(Png, ihdr ? Pixels(BinaryPrimitives.ReadUInt32BigEndian(b[16..20])) : null, ihdr ? Pixels(BinaryPrimitives.ReadUInt32BigEndian(b[20..24])) : null);
        }
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            var (w, h) = JpegSize(b);
            return new(Jpeg, w, h);
        }
        if (b.Length >= 10 && (b[..6].SequenceEqual("GIF87a"u8) || b[..6].SequenceEqual("GIF89a"u8)))
            return new(Gif, Pixels(BinaryPrimitives.ReadUInt16LittleEndian(b[6..8])), Pixels(BinaryPrimitives.ReadUInt16LittleEndian(b[8..10])));
        if (b.Length >= 16 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            var (w, h) = WebPSize(b);
            return new(WebP, w, h);
        }
        // %PDF- at the very start (readers accept it a little later, but a file that hides it is not what it says).
        if (b.Length >= 5 && b[..5].SequenceEqual("%PDF-"u8)) return new(Pdf, null, null);
        return null;
    }

    private static int? Pixels(long value) => value is > 0 and <= 100_000 ? (int)value : null;

    /// <summary>Walks the JPEG markers to the first start-of-frame (SOF0–SOF15 except DHT, JPG and DAC).</summary>
    private static (int?, int?) JpegSize(ReadOnlySpan<byte> b)
    {
        var i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF) return (null, null);
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker is 0xD8 or 0x01 || marker is >= 0xD0 and <= 0xD7) { i += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..(i + 4)]);
            if (length < 2) return (null, null);
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
                return (Pixels(BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..(i + 9)])), Pixels(BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..(i + 7)])));
            i += 2 + length;
        }
        return (null, null);
    }

    /// <summary>VP8X (extended), VP8L (lossless) and VP8 (lossy) headers.</summary>
    private static (int?, int?) WebPSize(ReadOnlySpan<byte> b)
    {
        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8X"u8) && b.Length >= 30)
            return (Pixels(1 + (b[24] | b[25] << 8 | b[26] << 16)), Pixels(1 + (b[27] | b[28] << 8 | b[29] << 16)));
        if (chunk.SequenceEqual("VP8L"u8) && b.Length >= 25 && b[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..25]);
            return (Pixels(1 + (bits & 0x3FFF)), Pixels(1 + ((bits >> 14) & 0x3FFF)));
        }
        if (chunk.SequenceEqual("VP8 "u8) && b.Length >= 30 && b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A)
            return (Pixels(BinaryPrimitives.ReadUInt16LittleEndian(b[26..28]) & 0x3FFF), Pixels(BinaryPrimitives.ReadUInt16LittleEndian(b[28..30]) & 0x3FFF));
        return (null, null);
    }
}
