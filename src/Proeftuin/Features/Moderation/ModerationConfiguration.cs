using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Moderation;

internal sealed class ModerationConfiguration : IEntityTypeConfiguration<Report>, IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.Property(r => r.TargetKind).HasMaxLength(20);
        b.Property(r => r.Note).HasMaxLength(ModerationLimits.Note);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.SetNull);
        // The queue reads open reports per contribution; the flood check counts one person's reports of the last hour.
        b.HasIndex(r => new { r.TargetKind, r.TargetId, r.HandledAt });
        b.HasIndex(r => new { r.ReporterId, r.CreatedAt });
        b.HasIndex(r => new { r.ProjectId, r.HandledAt });
    }

    public void Configure(EntityTypeBuilder<ModerationAction> b)
    {
        b.Property(a => a.TargetKind).HasMaxLength(20);
        b.Property(a => a.Reason).HasMaxLength(ModerationLimits.Reason);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(a => a.ModeratorId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => new { a.TargetKind, a.TargetId, a.CreatedAt });
        b.HasIndex(a => new { a.ProjectId, a.CreatedAt });
    }
}
