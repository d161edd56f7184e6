using Proeftuin.Features.Prototypes;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Prototypes;

/// <summary>Files and prototypes for the prototype tests.</summary>
public static class PrototypeData
{
    /// <summary>A PNG header of 640 × 480 (enough for the type and size check; not a picture anyone could view).</summary>
    public static byte[] Png(int width = 640, int height = 480)
    {
        var b = new byte[64];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(b, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(16), (uint)width);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(20), (uint)height);
        return b;
    }

    /// <summary>A JPEG with an APP0 segment, then a baseline start-of-frame of 800 × 600.</summary>
    public static byte[] Jpeg() =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
        0xFF, 0xC0, 0x00, 0x11, 0x08, 0x02, 0x58, 0x03, 0x20, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9,
    ];

    public static byte[] Gif() => [.. "GIF89a"u8, 0x20, 0x00, 0x10, 0x00, 0, 0, 0, 0x3B];

    /// <summary>A lossless WebP (VP8L) of 100 × 50.</summary>
    public static byte[] WebP()
    {
        var b = new byte[40];
        "RIFF"u8.CopyTo(b);
        "WEBPVP8L"u8.CopyTo(b.AsSpan(8));
        b[20] = 0x2F;
        var bits = (uint)(100 - 1) | ((uint)(50 - 1) << 14);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(21), bits);
        return b;
    }

    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public static byte[] Html() => "<!doctype html><html><body><script>alert(1)</script></body></html>"u8.ToArray();

    /// <summary>A prototype of the project made from these ideas, straight into the database, with its links.</summary>
    public static async Task<int> PrototypeAsync(this ProeftuinFactory factory, int projectId, string title, string? authorId, params int[] ideaIds)
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var p = new Prototype
            {
                ProjectId = projectId,
                Title = title,
                ForWhom = "Bewoners van de wijk",
                Form = PrototypeForm.RolePlay,
                Text = "Of mensen komen.",
                Html = "<p>Of mensen komen.</p>",
                AuthorId = authorId,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
                SearchTerms = DutchStems.ToSearchTerms(title),
            };
            db.Items.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        foreach (var idea in ideaIds) await factory.LinkAsync(idea, id, LinkType.LeadsTo, authorId);
        return id;
    }
}
