using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Stories;

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>, IEntityTypeConfiguration<StoryPrompt>, IEntityTypeConfiguration<StoryConsentChange>
{
    public void Configure(EntityTypeBuilder<Story> b)
    {
        b.Property(s => s.TellerName).HasMaxLength(StoryLimits.TellerName);
        b.Property(s => s.TellerEmail).HasMaxLength(StoryLimits.Email);
        b.Property(s => s.TellerKeyHash).HasMaxLength(128);
        b.HasOne(s => s.Prompt).WithMany().HasForeignKey(s => s.PromptId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(s => s.Teller).WithMany().HasForeignKey(s => s.TellerId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(s => s.TellerId);
        b.HasIndex(s => s.TellerKeyHash);
        // On the shared Items table: covers the knowledge balance's grouped count per phase (kind × source,
        // withdrawn stories and, by the moderation filter, hidden items left out) so it never reads rows; the programme
        // dashboard groups a whole programme in the same order.
        b.HasIndex(s => new { s.ProjectId, s.Phase, s.Kind, s.KnowledgeSource, s.WithdrawnAt, s.HiddenAt });
        // Covers the consent filter (StoryConsent.ReadableBy) and the moderation filter: counting the stories someone may
        // read reads no rows (ADR 0026).
        b.HasIndex(s => new { s.ProjectId, s.Kind, s.WithdrawnAt, s.Scope, s.TellerId, s.HiddenAt });
    }

    public void Configure(EntityTypeBuilder<StoryConsentChange> b)
    {
        b.Property(c => c.From).HasMaxLength(32);
        b.Property(c => c.To).HasMaxLength(32);
        b.HasOne<Story>().WithMany().HasForeignKey(c => c.StoryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(c => c.ById).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => new { c.StoryId, c.At });
    }

    public void Configure(EntityTypeBuilder<StoryPrompt> b)
    {
        b.Property(p => p.Text).HasMaxLength(StoryLimits.Prompt);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.ProjectId, p.Position });
    }
}

public static class StoryLimits
{
    public const int TellerName = 100;
    public const int Email = 256;
    public const int Prompt = 500;
}
