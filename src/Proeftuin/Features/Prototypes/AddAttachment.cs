using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>
/// The team adds an image or a PDF to a prototype. The type comes from the file's first bytes (AttachmentTypes), never
/// from its name or the browser's Content-Type; a file that is not what we accept is refused, whatever it is called.
/// </summary>
public sealed class AddAttachment(AppDbContext db, SaveAssumption rules, Caller user, TimeProvider clock, IOptions<PrototypeOptions> options)
{
    public long MaxBytes => options.Value.AttachmentMaxBytes;

    /// <summary>"5 MB", "512 kB": the limit as people read it.</summary>
    public string MaxShown => MaxBytes >= 1024 * 1024 && MaxBytes % (1024 * 1024) == 0 ? $"{MaxBytes / (1024 * 1024)} MB" : $"{Math.Max(1, MaxBytes / 1024)} kB";

    public async Task<Outcome<PrototypeAttachment>> RunAsync(int prototypeId, IFormFile? file, string? altText, CancellationToken ct = default)
    {
        var allowed = await rules.AllowedAsync(prototypeId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<PrototypeAttachment>.NotFound() : Outcome<PrototypeAttachment>.Forbidden();
        var v = new Validation();
        var alt = v.Text("AltText", altText, PrototypeLimits.AltText, required: false, label: "de beschrijving van de afbeelding");
        DetectedFile? type = null;
        byte[] content = [];
        if (file is null || file.Length == 0)
            v.Add("File", "Kies een bestand: een afbeelding (PNG, JPEG, WebP of GIF) of een PDF.");
        else if (file.Length > MaxBytes)
            v.Add("File", "Het bestand is te groot: maximaal {0}.", MaxShown);
        else
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
            type = AttachmentTypes.Detect(content);
            if (type is null)
                v.Add("File", "Dit bestand is geen afbeelding (PNG, JPEG, WebP of GIF) en geen PDF. We kijken naar wat erin staat, niet naar de naam.");
            else if (type.IsImage && alt.Length == 0 && v.IsValid)
                v.Add("AltText", "Beschrijf wat er op de afbeelding staat, voor wie de afbeelding niet kan zien.");
        }
        if (v.IsValid && await db.Set<PrototypeAttachment>().CountAsync(a => a.PrototypeId == prototypeId, ct) >= PrototypeLimits.Attachments)
            v.Add("File", "Dit prototype heeft al {0} bijlagen. Haal er eerst een weg.", PrototypeLimits.Attachments);
        if (!v.IsValid) return v;
        var attachment = new PrototypeAttachment
        {
            PrototypeId = prototypeId,
            FileName = CleanName(file!.FileName, type!),
            ContentType = type!.ContentType,
            Content = content,
            Size = content.Length,
            Width = type.Width,
            Height = type.Height,
            // A PDF is downloaded, not shown: a description is optional there.
            AltText = alt,
            UploadedById = user.Id,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(attachment);
        await db.SaveChangesAsync(ct);
        return Outcome<PrototypeAttachment>.Ok(attachment);
    }

    /// <summary>The extension that belongs to each stored type (static readonly: file words, not texts for the i18n scan).</summary>
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal)
    {
        [AttachmentTypes.Png] = ".png",
        [AttachmentTypes.Jpeg] = ".jpg",
        [AttachmentTypes.WebP] = ".webp",
        [AttachmentTypes.Gif] = ".gif",
        [AttachmentTypes.Pdf] = ".pdf",
    };

    /// <summary>
    /// The name without folders or characters that do not belong in a name, at most 200 characters, ending in the
    /// extension of what the file really is (a PDF named .jpg is kept as a PDF and offered as .pdf).
    /// </summary>
    public static string CleanName(string? uploaded, DetectedFile type)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormC))
            if (!char.IsControl(c) && !char.IsSurrogate(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?') && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
                clean.Append(c);
        var stem = Path.GetFileNameWithoutExtension(clean.ToString().Trim()).Trim(' ', '.');
        var extension = Extensions.GetValueOrDefault(type.ContentType, Extensions[AttachmentTypes.Pdf]);
        if (stem.Length == 0) stem = "bijlage";
        if (stem.Length > PrototypeLimits.FileName - extension.Length) stem = stem[..(PrototypeLimits.FileName - extension.Length)];
        return stem + extension;
    }
}
