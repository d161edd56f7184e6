using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.News;

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> b)
    {
        b.Property(n => n.Title).HasMaxLength(NewsLimits.Title);
        b.Property(n => n.BodyMarkdown).HasMaxLength(NewsLimits.Body);
        b.HasOne<Programmes.Programme>().WithMany().HasForeignKey(n => n.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(n => n.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(n => new { n.ProgrammeId, n.PublishedAt });
        b.HasIndex(n => new { n.ProjectId, n.PublishedAt });
    }
}

public static class NewsLimits
{
    public const int Title = 200;
    public const int Body = 20000;
}
