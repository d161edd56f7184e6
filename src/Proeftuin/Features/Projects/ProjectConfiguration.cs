using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Projects;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>, IEntityTypeConfiguration<Theme>, IEntityTypeConfiguration<PhaseTransition>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.Property(p => p.Title).HasMaxLength(ProjectLimits.Title);
        b.Property(p => p.CentralQuestion).HasMaxLength(ProjectLimits.CentralQuestion);
        b.Property(p => p.Description).HasMaxLength(ProjectLimits.Description);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Programme).WithMany(p => p.Projects).HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.ParentProject).WithMany(p => p.SubProjects).HasForeignKey(p => p.ParentProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Themes).WithMany(t => t.Projects).UsingEntity("ProjectThemes");
        b.HasMany(p => p.PhaseHistory).WithOne().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.ProgrammeId, p.Phase });
        b.Property(p => p.StoryShareToken).HasMaxLength(64);
        b.HasIndex(p => p.StoryShareToken).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Theme> b)
    {
        b.Property(t => t.Name).HasMaxLength(ProjectLimits.ThemeName);
        b.HasIndex(t => t.Name).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PhaseTransition> b)
    {
        b.Property(t => t.Reason).HasMaxLength(ProjectLimits.Reason);
        b.HasOne(t => t.ByUser).WithMany().HasForeignKey(t => t.ByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => new { t.ProjectId, t.At });
    }
}

public static class ProjectLimits
{
    public const int Title = 200;
    public const int CentralQuestion = 500;
    public const int Description = 4000;
    public const int ThemeName = 60;
    public const int Reason = 2000;
}
