using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Experiments;

/// <summary>
/// The experiment's columns on the shared Items table (TPH, so nullable there; prefixed so another kind's "Place" or
/// "Status" never shares a column by accident), and its own tables: criteria, regelruimte and measurements.
/// </summary>
internal sealed class ExperimentConfiguration :
    IEntityTypeConfiguration<Experiment>, IEntityTypeConfiguration<Observation>, IEntityTypeConfiguration<Decision>,
    IEntityTypeConfiguration<SuccessCriterion>, IEntityTypeConfiguration<RuleException>, IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Experiment> b)
    {
        b.Property(e => e.PrototypeId).HasColumnName("ExperimentPrototypeId");
        b.Property(e => e.Place).HasColumnName("ExperimentPlace").HasMaxLength(ExperimentLimits.Brief);
        b.Property(e => e.StartsOn).HasColumnName("ExperimentStartsOn");
        b.Property(e => e.EndsOn).HasColumnName("ExperimentEndsOn");
        b.Property(e => e.ParticipantsWho).HasColumnName("ExperimentParticipantsWho").HasMaxLength(ExperimentLimits.Medium);
        b.Property(e => e.ParticipantCount).HasColumnName("ExperimentParticipantCount");
        b.Property(e => e.Recruitment).HasColumnName("ExperimentRecruitment").HasMaxLength(ExperimentLimits.Medium);
        b.Property(e => e.Safety).HasColumnName("ExperimentSafety").HasMaxLength(ExperimentLimits.Lengthy);
        b.Property(e => e.SafetyHtml).HasColumnName("ExperimentSafetyHtml");
        b.Property(e => e.MeasurementPlan).HasColumnName("ExperimentMeasurementPlan").HasMaxLength(ExperimentLimits.Lengthy);
        b.Property(e => e.MeasurementPlanHtml).HasColumnName("ExperimentMeasurementPlanHtml");
        b.Property(e => e.Status).HasColumnName("ExperimentStatus");
        b.Property(e => e.StartedAt).HasColumnName("ExperimentStartedAt");
        b.Property(e => e.EndedAt).HasColumnName("ExperimentEndedAt");
        // No foreign keys between rows of the shared Items table: SQLite can only add one by rebuilding the table, which
        // would drop the search triggers on it. The use cases check that the ids belong to the same project.
        b.HasIndex(e => e.PrototypeId);
    }

    public void Configure(EntityTypeBuilder<Observation> b)
    {
        b.Property(o => o.ExperimentId).HasColumnName("ObservationExperimentId");
        b.Property(o => o.ObservedOn).HasColumnName("ObservationObservedOn");
        b.Property(o => o.CriterionId).HasColumnName("ObservationCriterionId");
        // Indexes only, no foreign keys (see PrototypeId above).
        b.HasIndex(o => o.ExperimentId);
    }

    public void Configure(EntityTypeBuilder<Decision> b)
    {
        b.Property(d => d.ExperimentId).HasColumnName("DecisionExperimentId");
        b.Property(d => d.Choice).HasColumnName("DecisionChoice");
        b.Property(d => d.BackToPhase).HasColumnName("DecisionBackToPhase");
        b.Property(d => d.WhatChanges).HasColumnName("DecisionWhatChanges").HasMaxLength(ExperimentLimits.Lengthy);
        b.Property(d => d.BrilliantFailure).HasColumnName("DecisionBrilliantFailure");
        b.Property(d => d.FailureTaught).HasColumnName("DecisionFailureTaught").HasMaxLength(ExperimentLimits.Lengthy);
        b.HasIndex(d => d.ExperimentId);
    }

    public void Configure(EntityTypeBuilder<SuccessCriterion> b)
    {
        b.ToTable("ExperimentCriteria");
        b.Property(c => c.What).HasMaxLength(ExperimentLimits.Medium);
        b.Property(c => c.Measure).HasMaxLength(ExperimentLimits.Medium);
        b.Property(c => c.Threshold).HasMaxLength(ExperimentLimits.Brief);
        b.Property(c => c.Evidence).HasMaxLength(ExperimentLimits.Lengthy);
        b.HasOne<Experiment>().WithMany(e => e.Criteria).HasForeignKey(c => c.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(c => c.ResultById).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => new { c.ExperimentId, c.Position });
    }

    public void Configure(EntityTypeBuilder<RuleException> b)
    {
        b.ToTable("ExperimentRuleExceptions");
        b.Property(r => r.Rule).HasMaxLength(ExperimentLimits.Medium);
        b.Property(r => r.ApprovedBy).HasMaxLength(ExperimentLimits.Brief);
        b.HasOne<Experiment>().WithMany(e => e.Rules).HasForeignKey(r => r.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ExperimentId, r.Position });
    }

    public void Configure(EntityTypeBuilder<Measurement> b)
    {
        b.ToTable("ExperimentMeasurements");
        b.Property(m => m.Value).HasMaxLength(ExperimentLimits.Value);
        b.Property(m => m.Note).HasMaxLength(ExperimentLimits.Medium);
        b.HasOne<Experiment>().WithMany().HasForeignKey(m => m.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SuccessCriterion>().WithMany().HasForeignKey(m => m.CriterionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(m => new { m.ExperimentId, m.MeasuredOn });
    }
}

public static class ExperimentLimits
{
    public const int Brief = 200;
    public const int Medium = 1000;
    public const int Lengthy = 5000;
    public const int Value = 100;
    /// <summary>Rows of the setup form (blank rows are left out).</summary>
    public const int CriteriaRows = 5;
    public const int RuleRows = 3;
    public const int MaxParticipants = 100_000;
    /// <summary>A proef runs at most five years; anything longer is a typing error.</summary>
    public const int MaxDays = 5 * 366;
    /// <summary>Regelruimte that lapses within this many days is warned about.</summary>
    public const int LapseWarningDays = 14;
}
