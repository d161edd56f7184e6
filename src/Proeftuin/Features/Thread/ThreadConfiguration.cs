using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Thread;

internal sealed class ThreadConfiguration :
    IEntityTypeConfiguration<ThreadItem>, IEntityTypeConfiguration<Persona>, IEntityTypeConfiguration<Source>,
    IEntityTypeConfiguration<JourneyMap>, IEntityTypeConfiguration<JourneyStep>, IEntityTypeConfiguration<Link>, IEntityTypeConfiguration<Comment>, IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<ThreadItem> b)
    {
        b.ToTable("Items");
        // One table for every kind: links, comments and traces need one id space. The discriminator values come from
        // the kinds' descriptors (AppDbContext.OnModelCreating).
        b.Property(i => i.Title).HasMaxLength(ThreadLimits.Title);
        b.Property(i => i.Text).HasMaxLength(ThreadLimits.Text);
        b.HasOne(i => i.Project).WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.Author).WithMany().HasForeignKey(i => i.AuthorId).OnDelete(DeleteBehavior.SetNull);
        // Lists and search read a project's items of a kind newest first: walking this index backwards finds a page (and
        // the next one, from a cursor) without sorting every row of a big project (ADR 0026).
        b.HasIndex(i => new { i.ProjectId, i.Kind, i.CreatedAt, i.Id });
        b.Property(i => i.ModerationNote).HasMaxLength(Moderation.ModerationLimits.Reason);
        // Hidden by moderation means gone from pages, API, search, exports and digests: one named filter does it for
        // every query; the few that must see hidden rows (moderation, personal data, retention) ask for it by name.
        b.HasQueryFilter(Moderation.ModerationFilter.Name, i => i.HiddenAt == null);
    }

    // An idea outlives its session's deletion as a thread item of the project.
    public void Configure(EntityTypeBuilder<Idea> b) =>
        b.HasOne(i => i.Session).WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.SetNull);

    public void Configure(EntityTypeBuilder<Persona> b) => b.Property(p => p.Quote).HasMaxLength(ThreadLimits.Quote);

    public void Configure(EntityTypeBuilder<Source> b)
    {
        b.Property(s => s.Citation).HasMaxLength(ThreadLimits.Citation);
        b.Property(s => s.Url).HasMaxLength(ThreadLimits.Url);
    }

    public void Configure(EntityTypeBuilder<JourneyMap> b) =>
        b.HasMany(m => m.Steps).WithOne().HasForeignKey(s => s.JourneyMapId).OnDelete(DeleteBehavior.Cascade);

    public void Configure(EntityTypeBuilder<JourneyStep> b)
    {
        b.Property(s => s.Name).HasMaxLength(ThreadLimits.StepName);
        b.Property(s => s.WhatHappens).HasMaxLength(ThreadLimits.StepText);
        b.Property(s => s.PainPoints).HasMaxLength(ThreadLimits.StepText);
        b.HasIndex(s => new { s.JourneyMapId, s.Position });
    }

    public void Configure(EntityTypeBuilder<Link> b)
    {
        b.HasOne(l => l.From).WithMany().HasForeignKey(l => l.FromId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.To).WithMany().HasForeignKey(l => l.ToId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(l => l.CreatedById).OnDelete(DeleteBehavior.SetNull);
        // One link between two items, whatever its type: a second one would only say the same twice.
        b.HasIndex(l => new { l.FromId, l.ToId }).IsUnique();
        b.HasIndex(l => l.ToId);
        b.HasIndex(l => l.ProjectId);
    }

    public void Configure(EntityTypeBuilder<Comment> b)
    {
        b.Property(c => c.Text).HasMaxLength(ThreadLimits.Comment);
        b.HasOne(c => c.Item).WithMany().HasForeignKey(c => c.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => new { c.ItemId, c.CreatedAt });
        b.HasIndex(c => new { c.ProjectId, c.Phase });
        b.Property(c => c.ModerationNote).HasMaxLength(Moderation.ModerationLimits.Reason);
        b.HasQueryFilter(Moderation.ModerationFilter.Name, c => c.HiddenAt == null);
    }
}

public static class ThreadLimits
{
    public const int Title = 200;
    /// <summary>A story may be up to 10,000 characters; other items the same.</summary>
    public const int Text = 10000;
    public const int Quote = 500;
    public const int Citation = 1000;
    public const int Url = 2000;
    public const int StepName = 200;
    public const int StepText = 2000;
    public const int Comment = 5000;
}
