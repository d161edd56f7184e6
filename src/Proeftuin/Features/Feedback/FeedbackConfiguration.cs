using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Feedback;

/// <summary>Feedback forms, questions, responses, answers, slips and evidence links: tables of their own.</summary>
internal sealed class FeedbackConfiguration :
    IEntityTypeConfiguration<FeedbackForm>, IEntityTypeConfiguration<FeedbackQuestion>, IEntityTypeConfiguration<FeedbackResponse>,
    IEntityTypeConfiguration<FeedbackAnswer>, IEntityTypeConfiguration<FeedbackSlip>, IEntityTypeConfiguration<FeedbackEvidence>
{
    public void Configure(EntityTypeBuilder<FeedbackForm> b)
    {
        b.ToTable("FeedbackForms");
        b.Property(f => f.Title).HasMaxLength(FeedbackLimits.Title);
        b.Property(f => f.Intro).HasMaxLength(FeedbackLimits.Intro);
        b.Property(f => f.ShareToken).HasMaxLength(64);
        b.HasIndex(f => f.ShareToken).IsUnique();
        b.HasOne<Project>().WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Experiment>().WithMany().HasForeignKey(f => f.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(f => f.CreatedById).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(f => f.ExperimentId);
        b.HasIndex(f => f.ProjectId);
    }

    public void Configure(EntityTypeBuilder<FeedbackQuestion> b)
    {
        b.ToTable("FeedbackQuestions");
        b.Ignore(q => q.OptionList);
        b.Property(q => q.Text).HasMaxLength(FeedbackLimits.Question);
        b.Property(q => q.Options).HasMaxLength(FeedbackLimits.OptionsText);
        b.HasOne<FeedbackForm>().WithMany(f => f.Questions).HasForeignKey(q => q.FormId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(q => new { q.FormId, q.Position });
    }

    public void Configure(EntityTypeBuilder<FeedbackResponse> b)
    {
        b.ToTable("FeedbackResponses");
        b.HasOne<FeedbackForm>().WithMany().HasForeignKey(r => r.FormId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<FeedbackSlip>().WithMany().HasForeignKey(r => r.SlipId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => new { r.FormId, r.SubmittedAt });
    }

    public void Configure(EntityTypeBuilder<FeedbackAnswer> b)
    {
        b.ToTable("FeedbackAnswers");
        b.Property(a => a.Text).HasMaxLength(FeedbackLimits.Answer);
        b.HasOne<FeedbackResponse>().WithMany(r => r.Answers).HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<FeedbackQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.ResponseId);
    }

    public void Configure(EntityTypeBuilder<FeedbackSlip> b)
    {
        b.ToTable("FeedbackSlips");
        b.Property(s => s.Code).HasMaxLength(16);
        b.HasOne<FeedbackForm>().WithMany().HasForeignKey(s => s.FormId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.FormId, s.Code }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<FeedbackEvidence> b)
    {
        b.ToTable("FeedbackEvidence");
        b.HasOne<FeedbackResponse>().WithMany().HasForeignKey(e => e.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Observation>().WithMany().HasForeignKey(e => e.ObservationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(e => e.LinkedById).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(e => new { e.ResponseId, e.ObservationId }).IsUnique();
        b.HasIndex(e => e.ObservationId);
    }
}
