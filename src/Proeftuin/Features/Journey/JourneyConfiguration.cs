using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Journey;

/// <summary>The journey entry's columns on the shared Items table (TPH: nullable there, prefixed).</summary>
internal sealed class JourneyConfiguration : IEntityTypeConfiguration<JourneyEntry>
{
    public void Configure(EntityTypeBuilder<JourneyEntry> b)
    {
        b.Property(e => e.Type).HasColumnName("JourneyEntryType");
        b.Property(e => e.OccurredOn).HasColumnName("JourneyOccurredOn");
    }
}
