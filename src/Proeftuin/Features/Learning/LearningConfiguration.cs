using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Learning;

/// <summary>
/// The learning question's and the system barrier's columns on the shared Items table (TPH: nullable there, prefixed so
/// no other kind's "Status" shares a column), and the AgendaVersions table with every version of both.
/// </summary>
internal sealed class LearningConfiguration :
    IEntityTypeConfiguration<LearningQuestion>, IEntityTypeConfiguration<SystemBarrier>, IEntityTypeConfiguration<AgendaVersion>
{
    public void Configure(EntityTypeBuilder<LearningQuestion> b)
    {
        b.Property(q => q.ForWhom).HasColumnName("LearningForWhom").HasMaxLength(LearningLimits.Brief);
        b.Property(q => q.DueOn).HasColumnName("LearningDueOn");
        b.Property(q => q.Status).HasColumnName("LearningStatus");
        b.Property(q => q.OwnerId).HasColumnName("LearningOwnerId");
        b.Property(q => q.Answer).HasColumnName("LearningAnswer").HasMaxLength(LearningLimits.Answer);
        b.Property(q => q.AnswerHtml).HasColumnName("LearningAnswerHtml");
        // No foreign key on a column of the shared Items table (SQLite would rebuild the table and lose its search
        // triggers); the personal-data contributor clears the owner when their account goes.
        b.HasIndex(q => q.OwnerId);
    }

    public void Configure(EntityTypeBuilder<SystemBarrier> b)
    {
        b.Property(s => s.WhoCanMove).HasColumnName("BarrierWhoCanMove").HasMaxLength(LearningLimits.Brief);
        b.Property(s => s.Status).HasColumnName("BarrierStatus");
        b.Property(s => s.OwnerId).HasColumnName("BarrierOwnerId");
        b.Property(s => s.Outcome).HasColumnName("BarrierOutcome").HasMaxLength(LearningLimits.Answer);
        b.Property(s => s.OutcomeHtml).HasColumnName("BarrierOutcomeHtml");
        b.HasIndex(s => s.OwnerId);
    }

    public void Configure(EntityTypeBuilder<AgendaVersion> b)
    {
        b.ToTable("AgendaVersions");
        b.Property(v => v.Title).HasMaxLength(Thread.ThreadLimits.Title);
        b.Property(v => v.Detail).HasMaxLength(LearningLimits.Brief);
        b.Property(v => v.Answer).HasMaxLength(LearningLimits.Answer);
        b.Property(v => v.Reason).HasMaxLength(LearningLimits.Reason);
        b.HasOne(v => v.Item).WithMany().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(v => v.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(v => v.ChangedById).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();
        b.HasIndex(v => v.ProjectId);
        b.HasIndex(v => v.OwnerId);
    }
}

public static class LearningLimits
{
    /// <summary>For whom, who can move it.</summary>
    public const int Brief = 300;
    public const int Answer = 5000;
    public const int Reason = 1000;
}
