using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Privacy;

/// <summary>
/// A "Download mijn gegevens" request. The state lives here, not in memory, so a restart loses nothing: the worker
/// picks up what is queued (and what was running when the app stopped). The ZIP is kept in the row, so every web
/// node can hand it out; it is deleted when the link expires.
/// </summary>
public sealed class PersonalDataExport
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public ExportStatus Status { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>When the mailed link stops working and the file is deleted.</summary>
    public DateTime? ExpiresAt { get; set; }
    /// <summary>Hash of the token in the mailed link; the token itself is only in the mail.</summary>
    public string? TokenHash { get; set; }
    /// <summary>The site address to put in the mail, taken when the request was made (the worker has no request).</summary>
    public string LinkBase { get; set; } = "";
    public byte[]? Content { get; set; }
    public int Attempts { get; set; }

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
}

/// <summary>Stored by name.</summary>
public enum ExportStatus
{
    Queued,
    Running,
    Done,
    Failed,
    Expired,
}

/// <summary>
/// "Account verwijderen", waiting for the person to follow the mailed link: their choices per story, kept until the
/// link is used (24 hours, once). Goes with the account (cascade), so a used link cannot be replayed.
/// </summary>
public sealed class AccountErasureRequest
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string TokenHash { get; set; } = "";
    /// <summary>Story id → choice, as JSON.</summary>
    public string ChoicesJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
}

internal sealed class PrivacyConfiguration : IEntityTypeConfiguration<PersonalDataExport>, IEntityTypeConfiguration<AccountErasureRequest>
{
    public void Configure(EntityTypeBuilder<PersonalDataExport> b)
    {
        b.ToTable("PersonalDataExports");
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.TokenHash).HasMaxLength(64);
        b.Property(e => e.LinkBase).HasMaxLength(500);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.UserId, e.RequestedAt });
        b.HasIndex(e => e.Status);
    }

    public void Configure(EntityTypeBuilder<AccountErasureRequest> b)
    {
        b.ToTable("AccountErasureRequests");
        b.Property(e => e.TokenHash).HasMaxLength(64);
        b.Property(e => e.ChoicesJson).HasMaxLength(100_000);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.TokenHash).IsUnique();
        b.HasIndex(e => e.UserId);
    }
}
