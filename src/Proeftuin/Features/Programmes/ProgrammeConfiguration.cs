using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Programmes;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>, IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.Property(p => p.Title).HasMaxLength(ProgrammeLimits.Title);
        b.Property(p => p.Introduction).HasMaxLength(ProgrammeLimits.Introduction);
        b.HasMany(p => p.Partners).WithOne().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Partner> b)
    {
        b.Property(p => p.Name).HasMaxLength(ProgrammeLimits.PartnerName);
        b.Property(p => p.Url).HasMaxLength(ProgrammeLimits.Url);
        b.Property(p => p.LogoContentType).HasMaxLength(40);
    }
}

public static class ProgrammeLimits
{
    public const int Title = 200;
    public const int Introduction = 4000;
    public const int PartnerName = 200;
    public const int Url = 500;
    public const int LogoBytes = 512 * 1024;
}
