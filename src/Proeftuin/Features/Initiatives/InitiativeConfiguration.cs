using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Initiatives;

internal sealed class InitiativeConfiguration :
    IEntityTypeConfiguration<Initiative>, IEntityTypeConfiguration<InitiativeInitiator>, IEntityTypeConfiguration<InitiativeResponse>, IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Initiative> b)
    {
        b.ToTable("Initiatives");
        b.Property(i => i.Title).HasMaxLength(InitiativeLimits.Title);
        b.Property(i => i.What).HasMaxLength(InitiativeLimits.Text);
        b.Property(i => i.Why).HasMaxLength(InitiativeLimits.Text);
        b.Property(i => i.ForWhom).HasMaxLength(InitiativeLimits.Text);
        b.Property(i => i.Needed).HasMaxLength(InitiativeLimits.Text);
        b.Property(i => i.ModerationNote).HasMaxLength(Moderation.ModerationLimits.Reason);
        b.HasOne<Programmes.Programme>().WithMany().HasForeignKey(i => i.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
        // The item it grew from may be deleted; the initiative stays, without the link.
        b.HasOne<Thread.ThreadItem>().WithMany().HasForeignKey(i => i.RespondsToItemId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(i => i.StarterId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(i => i.Initiators).WithOne().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.ProgrammeId, i.Status });
        b.HasIndex(i => i.ProjectId);
        b.HasIndex(i => i.RespondsToItemId);
    }

    public void Configure(EntityTypeBuilder<InitiativeInitiator> b)
    {
        b.ToTable("InitiativeInitiators");
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.InitiativeId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
    }

    public void Configure(EntityTypeBuilder<InitiativeResponse> b)
    {
        b.ToTable("InitiativeResponses");
        b.Property(r => r.Reasons).HasMaxLength(InitiativeLimits.Reasons);
        b.HasOne<Initiative>().WithMany().HasForeignKey(r => r.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(r => r.ByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => new { r.InitiativeId, r.At });
        b.HasIndex(r => r.ByUserId);
    }

    public void Configure(EntityTypeBuilder<Pledge> b)
    {
        b.ToTable("Pledges");
        b.Property(p => p.Bring).HasMaxLength(InitiativeLimits.Bring);
        b.HasOne<Initiative>().WithMany().HasForeignKey(p => p.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        // One active pledge per person per initiative; withdrawn ones stay as history. Quoted names read the same in both databases.
        b.HasIndex(p => new { p.InitiativeId, p.UserId }).IsUnique().HasFilter("\"WithdrawnAt\" IS NULL")
            .HasDatabaseName("IX_Pledges_InitiativeId_UserId_Active");
        b.HasIndex(p => p.UserId);
    }
}
