using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Sessions;

internal sealed class SessionConfiguration :
    IEntityTypeConfiguration<LiveSession>, IEntityTypeConfiguration<SessionQuestion>, IEntityTypeConfiguration<Step>,
    IEntityTypeConfiguration<Participant>, IEntityTypeConfiguration<Note>, IEntityTypeConfiguration<Cluster>, IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<LiveSession> b)
    {
        b.ToTable("Sessions");
        b.Property(s => s.Title).HasMaxLength(SessionLimits.Title);
        b.Property(s => s.JoinCode).HasMaxLength(SessionLimits.JoinCodeLength);
        b.Property(s => s.Focus).HasMaxLength(SessionLimits.Focus);
        b.Property(s => s.Place).HasMaxLength(SessionLimits.Place);
        b.HasIndex(s => s.JoinCode).IsUnique();
        b.HasIndex(s => s.ProjectId);
        b.HasOne(s => s.Project).WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(s => s.Steps).WithOne().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SessionId).OnDelete(DeleteBehavior.Cascade);
        // Sessions from before issue 15 get the default threshold; the rule's default (0) is "telt volledig mee".
        b.Property(s => s.MinVoters).HasDefaultValue(TallyRule.DefaultMinVoters).HasSentinel(0);
        b.Ignore(s => s.TallyRule);
    }

    public void Configure(EntityTypeBuilder<SessionQuestion> b)
    {
        b.ToTable("SessionQuestions");
        b.HasKey(q => new { q.SessionId, q.QuestionId });
        b.HasOne(q => q.Question).WithMany().HasForeignKey(q => q.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Step> b)
    {
        b.ToTable("SessionSteps");
        b.Property(s => s.Title).HasMaxLength(SessionLimits.StepTitle);
        b.Property(s => s.Instruction).HasMaxLength(SessionLimits.Instruction);
        b.HasIndex(s => new { s.SessionId, s.Position });
    }

    public void Configure(EntityTypeBuilder<Participant> b)
    {
        b.ToTable("SessionParticipants");
        b.Property(p => p.DisplayName).HasMaxLength(SessionLimits.DisplayName);
        b.Property(p => p.GuestKeyHash).HasMaxLength(64);
        b.HasOne<LiveSession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        // One participant per person per session; a guest's cookie key is found by its hash.
        b.HasIndex(p => new { p.SessionId, p.UserId }).IsUnique();
        b.HasIndex(p => p.GuestKeyHash).IsUnique();
        b.Property(p => p.BrowserKeyHash).HasMaxLength(64);
        b.HasIndex(p => new { p.SessionId, p.BrowserKeyHash });
    }

    public void Configure(EntityTypeBuilder<Note> b)
    {
        b.ToTable("SessionNotes");
        b.Property(n => n.Text).HasMaxLength(SessionLimits.Note);
        b.HasOne<LiveSession>().WithMany().HasForeignKey(n => n.SessionId).OnDelete(DeleteBehavior.Cascade);
        // NO ACTION, not a second cascade: a session's delete removes notes, steps and participants in one statement.
        b.HasOne<Step>().WithMany().HasForeignKey(n => n.StepId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne(n => n.Participant).WithMany().HasForeignKey(n => n.ParticipantId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Cluster>().WithMany().HasForeignKey(n => n.ClusterId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Thread.Idea>().WithMany().HasForeignKey(n => n.IdeaId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(n => new { n.SessionId, n.StepId });
    }

    public void Configure(EntityTypeBuilder<Cluster> b)
    {
        b.ToTable("SessionClusters");
        b.Property(c => c.Name).HasMaxLength(SessionLimits.ClusterName);
        b.HasOne<LiveSession>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Thread.Idea>().WithMany().HasForeignKey(c => c.IdeaId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => c.SessionId);
    }

    public void Configure(EntityTypeBuilder<Vote> b)
    {
        b.ToTable("SessionVotes");
        b.HasOne<LiveSession>().WithMany().HasForeignKey(v => v.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Note>().WithMany().HasForeignKey(v => v.NoteId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Step>().WithMany().HasForeignKey(v => v.StepId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Participant>().WithMany().HasForeignKey(v => v.ParticipantId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(v => new { v.StepId, v.ParticipantId });
        b.HasIndex(v => v.NoteId);
    }
}
