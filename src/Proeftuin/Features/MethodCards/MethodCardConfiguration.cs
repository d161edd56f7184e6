using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Features.MethodCards;

/// <summary>The MethodCards table. A card goes with its project or programme; a copy outlives what it was copied from.</summary>
internal sealed class MethodCardConfiguration : IEntityTypeConfiguration<MethodCard>
{
    public void Configure(EntityTypeBuilder<MethodCard> b)
    {
        b.ToTable("MethodCards");
        b.Property(c => c.Title).HasMaxLength(MethodCardLimits.Title);
        b.Property(c => c.Purpose).HasMaxLength(MethodCardLimits.Purpose);
        b.Property(c => c.Materials).HasMaxLength(MethodCardLimits.Materials);
        b.Property(c => c.Steps).HasMaxLength(MethodCardLimits.Steps);
        b.Property(c => c.InclusionTips).HasMaxLength(MethodCardLimits.InclusionTips);
        b.Property(c => c.CopiedFromSlug).HasMaxLength(60);
        // The steps a card lays out, as "0,3,4": the same column on both databases, read whole, never queried.
        b.Property(c => c.Forms)
            .HasConversion(
                forms => string.Join(',', forms.Select(f => (int)f)),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => (WorkForm)int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                new ValueComparer<List<WorkForm>>((a, c) => a!.SequenceEqual(c!), l => l.Aggregate(0, (h, f) => HashCode.Combine(h, f)), l => l.ToList()))
            .HasMaxLength(40);
        b.HasOne<Programmes.Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MethodCard>().WithMany().HasForeignKey(c => c.CopiedFromId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => c.ProgrammeId);
        b.HasIndex(c => c.ProjectId);
        b.HasIndex(c => c.AuthorId);
    }
}
