using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Members;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>, IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.HasOne(m => m.Project).WithMany(p => p.Members).HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.ProjectId, m.UserId }).IsUnique();
        b.HasIndex(m => m.UserId);
    }

    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.HasOne(i => i.Project).WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.Property(i => i.CreatedById).HasMaxLength(450);
        b.Property(i => i.AcceptedById).HasMaxLength(450);
        b.HasIndex(i => i.TokenHash).IsUnique();
    }
}
