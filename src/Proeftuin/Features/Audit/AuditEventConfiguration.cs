using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("AuditEvents");
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.ActorUserId).HasMaxLength(450);
        b.Property(e => e.ActorKind).HasMaxLength(20);
        b.Property(e => e.SubjectType).HasMaxLength(40);
        b.Property(e => e.SubjectId).HasMaxLength(100);
        b.Property(e => e.SubjectUserId).HasMaxLength(450);
        b.Property(e => e.Detail).HasMaxLength(500);
        // No foreign keys to accounts or projects: the log outlives what it describes (erasure nulls the user ids).
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.ProjectId, e.At });
        b.HasIndex(e => e.ActorUserId);
        b.HasIndex(e => e.SubjectUserId);
    }
}
