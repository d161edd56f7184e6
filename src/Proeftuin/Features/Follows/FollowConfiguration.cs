using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Follows;

internal sealed class FollowConfiguration :
    IEntityTypeConfiguration<Follow>, IEntityTypeConfiguration<DigestSetting>, IEntityTypeConfiguration<DigestEntry>
{
    public void Configure(EntityTypeBuilder<Follow> b)
    {
        b.ToTable("Follows");
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.UserId, f.Topic, f.TargetId }).IsUnique();
        // Who follows this? is the question every piece of news asks.
        b.HasIndex(f => new { f.Topic, f.TargetId });
    }

    public void Configure(EntityTypeBuilder<DigestSetting> b)
    {
        b.ToTable("DigestSettings");
        b.HasKey(s => s.UserId);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DigestEntry> b)
    {
        b.ToTable("DigestEntries");
        b.Property(e => e.Group).HasMaxLength(FollowLimits.Group);
        b.Property(e => e.Text).HasMaxLength(FollowLimits.Text);
        b.Property(e => e.Url).HasMaxLength(FollowLimits.Url);
        b.Property(e => e.AboutKind).HasMaxLength(FollowLimits.Kind);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.SentAt, e.UserId });
        b.HasIndex(e => e.UserId);
    }
}
