using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Programmes;

public sealed record PartnerInput(string? Name, string? Url, IFormFile? Logo);

/// <summary>Admins add and remove a programme's partners. A logo is checked by its bytes, not by what the browser claims.</summary>
public sealed class ManagePartners(AppDbContext db, Caller user)
{
    public async Task<Outcome<Partner>> AddAsync(int programmeId, PartnerInput input, CancellationToken ct = default)
    {
        if (!user.IsAdmin) return Outcome<Partner>.Forbidden();
        if (!await db.Programmes.AnyAsync(p => p.Id == programmeId, ct)) return Outcome<Partner>.NotFound();
        var v = new Validation();
        var name = v.Text("Name", input.Name, ProgrammeLimits.PartnerName, label: "de naam van de partner");
        var url = v.OptionalUrl("Url", input.Url, ProgrammeLimits.Url);
        byte[]? logo = null;
        string? contentType = null;
        if (input.Logo is { Length: > 0 } file)
        {
            if (file.Length > ProgrammeLimits.LogoBytes)
                v.Add("Logo", "Het logo is te groot: maximaal {0} kB.", ProgrammeLimits.LogoBytes / 1024);
            else
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                logo = buffer.ToArray();
                contentType = ImageType.Detect(logo);
                if (contentType is null) v.Add("Logo", "Het logo moet een PNG-, JPEG- of WebP-afbeelding zijn.");
            }
        }
        if (!v.IsValid) return v;
        var partner = new Partner { ProgrammeId = programmeId, Name = name, Url = url, Logo = logo, LogoContentType = contentType };
        db.Partners.Add(partner);
        await db.SaveChangesAsync(ct);
        return Outcome<Partner>.Ok(partner);
    }

    public async Task<Outcome<bool>> RemoveAsync(int programmeId, int partnerId, CancellationToken ct = default)
    {
        if (!user.IsAdmin) return Outcome<bool>.Forbidden();
        var removed = await db.Partners.Where(p => p.Id == partnerId && p.ProgrammeId == programmeId).ExecuteDeleteAsync(ct);
        return removed == 0 ? Outcome<bool>.NotFound() : Outcome<bool>.Ok(true);
    }
}

/// <summary>Recognises the image formats we accept from their first bytes. SVG is refused: it can carry script.</summary>
public static class ImageType
{
    public static string? Detect(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "image/jpeg";
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }
}
