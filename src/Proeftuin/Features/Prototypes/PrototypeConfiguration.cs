using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Prototypes;

internal sealed class PrototypeConfiguration :
    IEntityTypeConfiguration<Prototype>, IEntityTypeConfiguration<Assumption>, IEntityTypeConfiguration<PrototypeAttachment>
{
    // Columns on Items (one table for every kind): nullable there, as TPH makes them.
    public void Configure(EntityTypeBuilder<Prototype> b)
    {
        b.Property(p => p.ForWhom).HasMaxLength(PrototypeLimits.ForWhom);
        b.Property(p => p.Form).HasColumnName("PrototypeForm");
    }

    public void Configure(EntityTypeBuilder<Assumption> b)
    {
        b.ToTable("Assumptions");
        b.Property(a => a.Text).HasMaxLength(PrototypeLimits.Assumption);
        b.HasOne(a => a.Prototype).WithMany().HasForeignKey(a => a.PrototypeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => a.PrototypeId);
    }

    public void Configure(EntityTypeBuilder<PrototypeAttachment> b)
    {
        b.ToTable("PrototypeAttachments");
        b.Property(a => a.FileName).HasMaxLength(PrototypeLimits.FileName);
        b.Property(a => a.ContentType).HasMaxLength(40);
        b.Property(a => a.AltText).HasMaxLength(PrototypeLimits.AltText);
        b.Ignore(a => a.IsImage);
        b.HasOne(a => a.Prototype).WithMany().HasForeignKey(a => a.PrototypeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(a => a.UploadedById).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => a.PrototypeId);
    }
}

public static class PrototypeLimits
{
    public const int ForWhom = 500;
    public const int Assumption = 500;
    public const int FileName = 200;
    public const int AltText = 300;
    /// <summary>A prototype with more ideas than this is a programme, not a prototype.</summary>
    public const int Ideas = 20;
    public const int Assumptions = 30;
    public const int Attachments = 20;
}

/// <summary>Configuration (section "Prototypes").</summary>
public sealed class PrototypeOptions
{
    public const string Section = "Prototypes";

    /// <summary>The largest attachment accepted, in bytes (default 5 MB).</summary>
    public long AttachmentMaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>What the upload request may carry beyond the file itself (the form's other fields and the multipart framing).</summary>
    public const long RequestOverhead = 64 * 1024;
}
