using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Ideas;

internal sealed class IdeasConfiguration :
    IEntityTypeConfiguration<Idea>, IEntityTypeConfiguration<IdeaStatusChange>, IEntityTypeConfiguration<IdeaSupport>
{
    // A column on Items (nullable there, as every kind's own column); ideas that existed before it are New.
    public void Configure(EntityTypeBuilder<Idea> b) =>
        b.Property(i => i.Status).HasColumnName("IdeaStatus").HasDefaultValue(IdeaStatus.New);

    public void Configure(EntityTypeBuilder<IdeaStatusChange> b)
    {
        b.ToTable("IdeaStatusChanges");
        b.Property(c => c.Reason).HasMaxLength(IdeaLimits.Reason);
        b.HasOne<Idea>().WithMany().HasForeignKey(c => c.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(c => c.ByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => new { c.IdeaId, c.At });
    }

    public void Configure(EntityTypeBuilder<IdeaSupport> b)
    {
        b.ToTable("IdeaSupports");
        b.HasOne<Idea>().WithMany().HasForeignKey(s => s.IdeaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.SetNull);
        // One support per person per idea; erased supporters (null) are many, which both databases allow.
        b.HasIndex(s => new { s.IdeaId, s.UserId }).IsUnique();
        b.HasIndex(s => s.ProjectId);
        b.HasIndex(s => s.UserId);
    }
}
