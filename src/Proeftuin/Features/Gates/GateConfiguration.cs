using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Gates;

internal sealed class GateConfiguration :
    IEntityTypeConfiguration<GateDecision>, IEntityTypeConfiguration<GateAdviceRequest>, IEntityTypeConfiguration<GateAdvice>
{
    public void Configure(EntityTypeBuilder<GateDecision> b)
    {
        b.ToTable("GateDecisions");
        b.Property(d => d.Reasons).HasMaxLength(GateLimits.Reasons);
        b.Property(d => d.WhatChanges).HasMaxLength(GateLimits.WhatChanges);
        b.HasOne<Project>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(d => d.PhaseTransition).WithMany().HasForeignKey(d => d.PhaseTransitionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(d => d.ByUser).WithMany().HasForeignKey(d => d.ByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(d => new { d.ProjectId, d.At });
    }

    public void Configure(EntityTypeBuilder<GateAdviceRequest> b)
    {
        b.ToTable("GateAdviceRequests");
        b.Property(r => r.Question).HasMaxLength(GateLimits.Question);
        b.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Decision).WithMany().HasForeignKey(r => r.GateDecisionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(r => r.AskedBy).WithMany().HasForeignKey(r => r.AskedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Advice).WithOne().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ProjectId, r.ClosedAt });
        b.Ignore(r => r.IsOpen);
    }

    public void Configure(EntityTypeBuilder<GateAdvice> b)
    {
        b.ToTable("GateAdvice");
        b.Property(a => a.Text).HasMaxLength(GateLimits.Advice);
        b.HasOne(a => a.Evaluator).WithMany().HasForeignKey(a => a.EvaluatorId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => new { a.RequestId, a.EvaluatorId }).IsUnique();
    }
}
