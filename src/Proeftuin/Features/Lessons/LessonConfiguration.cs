using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Lessons;

/// <summary>
/// The lesson's columns on the shared Items table (TPH: prefixed, nullable there) and its themes in LessonThemes. Only
/// added columns: SQLite adds them in place, so the Items search triggers stay (ADR 0024).
/// </summary>
internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> b)
    {
        b.Property(l => l.Context).HasColumnName("LessonContext").HasMaxLength(LessonLimits.Part);
        b.Property(l => l.Mechanism).HasColumnName("LessonMechanism").HasMaxLength(LessonLimits.Part);
        b.Property(l => l.Outcome).HasColumnName("LessonOutcome").HasMaxLength(LessonLimits.Part);
        b.Property(l => l.Result).HasColumnName("LessonResult");
        b.Property(l => l.Visibility).HasColumnName("LessonVisibility");
        b.Property(l => l.PublishedAt).HasColumnName("LessonPublishedAt");
        b.Property(l => l.Domains).HasColumnName("LessonDomains");
        b.Property(l => l.TitleTerms).HasColumnName("LessonTitleTerms");
        // The library lists public lessons across projects, newest first, and counts its facets over every lesson the
        // reader may read. The index holds every column those queries ask, so they read the index, not the wide rows of
        // the shared Items table (docs/benchmarks.md, 2026-12-03 09:06: signed-in search at 10,000 lessons).
        b.HasIndex(l => new { l.Visibility, l.CreatedAt, l.Kind, l.ProjectId, l.Phase, l.Result, l.Domains }, "IX_Items_LessonLibrary");
        b.HasMany(l => l.Themes).WithMany().UsingEntity("LessonThemes");
    }
}

public static class LessonLimits
{
    /// <summary>Context, mechanism, outcome: each a paragraph or two.</summary>
    public const int Part = 2000;
    /// <summary>The lesson itself.</summary>
    public const int Text = 4000;
    public const int MaxQuery = 200;
    public const int PageSize = 20;
    /// <summary>Offset paging stops here: beyond it, refine the search.</summary>
    public const int MaxPage = 100;
    public const int Similar = 5;
}
