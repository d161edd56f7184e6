using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Features.Learning;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Review;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<ReviewAdvice>
{
    public void Configure(EntityTypeBuilder<ReviewAdvice> b)
    {
        b.ToTable("ReviewAdvice");
        b.Property(a => a.Text).HasMaxLength(ReviewLimits.Text);
        b.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Author).WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(a => a.Decision).WithMany().HasForeignKey(a => a.GateDecisionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<LearningQuestion>().WithMany().HasForeignKey(a => a.AboutQuestionId).OnDelete(DeleteBehavior.SetNull);
        // The open advice of a project (GateDecisionId null) beside the gate form; the advice of the decisions in the history.
        b.HasIndex(a => new { a.ProjectId, a.GateDecisionId });
        b.Ignore(a => a.IsOpen);
    }
}
