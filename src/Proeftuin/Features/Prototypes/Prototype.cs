using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Prototypes;

/// <summary>
/// Prototype: one or more ideas made tangible (a sketch, a role play, a mock-up, a service pilot) to learn from.
/// <see cref="ThreadItem.Title"/> says what it is; <see cref="ThreadItem.Text"/> (Markdown, rendered once into Html when
/// saved) says what the team wants to learn. The ideas it comes from are linked "idee leidt tot prototype".
/// </summary>
public sealed class Prototype : ThreadItem
{
    /// <summary>Voor wie: the people it is made for ("ouderen die alleen wonen in de wijk").</summary>
    public string ForWhom { get; set; } = "";

    public PrototypeForm Form { get; set; }
}

/// <summary>Vorm: the shape the prototype takes. Stored as its number; the API speaks <see cref="PrototypeSlugs.Form"/>.</summary>
public enum PrototypeForm
{
    Sketch = 0,
    RolePlay = 1,
    MockUp = 2,
    Storyboard = 3,
    ServicePilot = 4,
    Other = 5,
}

/// <summary>How bad it would be if the assumption is wrong (the vertical axis of the map).</summary>
public enum AssumptionRisk
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>How sure the team is that the assumption holds (the horizontal axis of the map).</summary>
public enum AssumptionCertainty
{
    Sure = 1,
    Somewhat = 2,
    Unsure = 3,
}

/// <summary>Aanname: something the prototype takes for granted, with how risky it is if wrong and how sure the team is.</summary>
public sealed class Assumption
{
    public int Id { get; set; }
    public int PrototypeId { get; set; }
    public Prototype Prototype { get; set; } = null!;
    public string Text { get; set; } = "";
    public AssumptionRisk Risk { get; set; }
    public AssumptionCertainty Certainty { get; set; }
    public string? AuthorId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Risky if wrong (medium or high) and not sure (a bit or not at all): the quadrant "Eerst testen".</summary>
    public static bool TestFirst(AssumptionRisk risk, AssumptionCertainty certainty) =>
        risk >= AssumptionRisk.Medium && certainty >= AssumptionCertainty.Somewhat;
}

/// <summary>
/// Bijlage: an image (PNG, JPEG, WebP, GIF) or a PDF, stored in the database (web nodes stay stateless). Its type was
/// decided by its first bytes when it was uploaded, never by its name or the browser's word.
/// </summary>
public sealed class PrototypeAttachment
{
    public int Id { get; set; }
    public int PrototypeId { get; set; }
    public Prototype Prototype { get; set; } = null!;
    /// <summary>The name as uploaded (only its last part, cleaned), shown and offered when downloading.</summary>
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public int Size { get; set; }
    /// <summary>Read from the image's header when cheap; null for PDFs and headers we could not read.</summary>
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// <summary>What the image shows, for people who cannot see it. Required for images; empty for PDFs.</summary>
    public string AltText { get; set; } = "";
    public string? UploadedById { get; set; }
    public DateTime UploadedAt { get; set; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
