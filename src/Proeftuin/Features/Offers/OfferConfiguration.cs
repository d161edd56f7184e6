using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Offers;

internal sealed class OfferConfiguration :
    IEntityTypeConfiguration<Offer>, IEntityTypeConfiguration<OfferMatch>, IEntityTypeConfiguration<OfferMessage>
{
    public void Configure(EntityTypeBuilder<Offer> b)
    {
        b.ToTable("Offers");
        b.Property(o => o.Title).HasMaxLength(OfferLimits.Title);
        // Room for a moderator's edit, which may be as long as a thread item's text.
        b.Property(o => o.Text).HasMaxLength(Thread.ThreadLimits.Text);
        b.Property(o => o.Place).HasMaxLength(OfferLimits.Place);
        b.Property(o => o.ModerationNote).HasMaxLength(Moderation.ModerationLimits.Reason);
        b.HasOne<Programmes.Programme>().WithMany().HasForeignKey(o => o.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(o => o.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.ProgrammeId, o.Direction, o.Category });
        b.HasIndex(o => o.ProjectId);
        b.HasIndex(o => o.OwnerId);
    }

    public void Configure(EntityTypeBuilder<OfferMatch> b)
    {
        b.ToTable("OfferMatches");
        b.HasOne<Offer>().WithMany().HasForeignKey(m => m.OfferId).OnDelete(DeleteBehavior.Cascade);
        // Deleting either the aanbod or the vraag removes the match.
        b.HasOne<Offer>().WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(m => m.SuggestedById).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(m => new { m.OfferId, m.RequestId }).IsUnique();
        b.HasIndex(m => m.RequestId);
        b.HasIndex(m => m.SuggestedById);
    }

    public void Configure(EntityTypeBuilder<OfferMessage> b)
    {
        b.ToTable("OfferMessages");
        b.Property(m => m.Text).HasMaxLength(OfferLimits.Message);
        b.HasOne<Offer>().WithMany().HasForeignKey(m => m.OfferId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(m => m.FromId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(m => m.ToId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(m => new { m.OfferId, m.CreatedAt });
        b.HasIndex(m => m.FromId);
        b.HasIndex(m => m.ToId);
    }
}
