using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Activities;

/// <summary>Activities and their registrations, in tables of their own (not on the thread's Items table).</summary>
internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>, IEntityTypeConfiguration<ActivityRegistration>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("Activities");
        b.Property(a => a.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Title).HasMaxLength(ActivityLimits.Title);
        b.Property(a => a.Description).HasMaxLength(ActivityLimits.Description);
        b.Property(a => a.Place).HasMaxLength(ActivityLimits.Place);
        b.Property(a => a.Accessibility).HasMaxLength(ActivityLimits.Accessibility);
        b.Property(a => a.CancelReason).HasMaxLength(ActivityLimits.CancelReason);
        b.Ignore(a => a.IsCancelled);
        b.HasOne<Programmes.Programme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Sessions.LiveSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.SetNull);
        // ReflectionId points into the shared Items table: no foreign key (SQLite would rebuild Items and lose its search triggers).
        b.HasIndex(a => a.StartsAt);
        b.HasIndex(a => new { a.ProjectId, a.StartsAt });
        b.HasIndex(a => new { a.ProgrammeId, a.StartsAt });
    }

    public void Configure(EntityTypeBuilder<ActivityRegistration> b)
    {
        b.ToTable("ActivityRegistrations");
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.GuestName).HasMaxLength(ActivityLimits.GuestName);
        b.Property(r => r.GuestEmail).HasMaxLength(ActivityLimits.Email);
        b.Property(r => r.CancelTokenHash).HasMaxLength(64);
        b.HasOne<Activity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ActivityId, r.Status, r.CreatedAt });
        b.HasIndex(r => r.UserId);
        b.HasIndex(r => r.CancelTokenHash);
    }
}
