using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Signification;

internal sealed class SignificationConfiguration : IEntityTypeConfiguration<SignificationFramework>
{
    public void Configure(EntityTypeBuilder<SignificationFramework> b)
    {
        b.Property(f => f.Json).HasMaxLength(100_000);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.ProjectId).IsUnique();
    }
}
