using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Reflections;

/// <summary>
/// The reflection's columns on the shared Items table (TPH: nullable there, prefixed), and its own tables for prompts,
/// answers and participants. No foreign key on an Items column (SQLite would rebuild the table and lose its search triggers).
/// </summary>
internal sealed class ReflectionConfiguration :
    IEntityTypeConfiguration<Reflection>, IEntityTypeConfiguration<ReflectionPrompt>, IEntityTypeConfiguration<ReflectionAnswer>,
    IEntityTypeConfiguration<ReflectionParticipant>
{
    public void Configure(EntityTypeBuilder<Reflection> b)
    {
        b.Property(r => r.HeldOn).HasColumnName("ReflectionHeldOn");
        b.Property(r => r.Status).HasColumnName("ReflectionStatus");
        b.Property(r => r.SessionId).HasColumnName("ReflectionSessionId");
        b.Property(r => r.Outcome).HasColumnName("ReflectionOutcome").HasMaxLength(ReflectionLimits.Outcome);
        b.Property(r => r.OutcomeHtml).HasColumnName("ReflectionOutcomeHtml");
        b.Property(r => r.Advice).HasColumnName("ReflectionAdvice").HasMaxLength(ReflectionLimits.Advice);
        b.Property(r => r.AdviceHtml).HasColumnName("ReflectionAdviceHtml");
        b.Property(r => r.ClosedAt).HasColumnName("ReflectionClosedAt");
        b.HasMany(r => r.Prompts).WithOne().HasForeignKey(p => p.ReflectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Participants).WithOne().HasForeignKey(p => p.ReflectionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReflectionPrompt> b)
    {
        b.ToTable("ReflectionPrompts");
        b.Property(p => p.Text).HasMaxLength(ReflectionLimits.Prompt);
        b.HasIndex(p => new { p.ReflectionId, p.Position }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ReflectionAnswer> b)
    {
        b.ToTable("ReflectionAnswers");
        b.Property(a => a.Text).HasMaxLength(ReflectionLimits.Answer);
        b.HasOne<Reflection>().WithMany().HasForeignKey(a => a.ReflectionId).OnDelete(DeleteBehavior.Cascade);
        // The plan never removes a prompt that has answers; the cascade is for deleting the whole reflection.
        b.HasOne<ReflectionPrompt>().WithMany().HasForeignKey(a => a.PromptId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => new { a.PromptId, a.UserId }).IsUnique();
        b.HasIndex(a => a.ReflectionId);
        b.HasIndex(a => a.UserId);
    }

    public void Configure(EntityTypeBuilder<ReflectionParticipant> b)
    {
        b.ToTable("ReflectionParticipants");
        b.HasKey(p => new { p.ReflectionId, p.UserId });
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.UserId);
    }
}
