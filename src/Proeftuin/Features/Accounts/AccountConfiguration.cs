using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Proeftuin.Features.Accounts;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<AppUser>, IEntityTypeConfiguration<SignInLink>, IEntityTypeConfiguration<PasswordFailure>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(AccountLimits.DisplayName);
        b.Property(u => u.Language).HasMaxLength(5);
    }

    public void Configure(EntityTypeBuilder<SignInLink> b)
    {
        b.Property(l => l.TokenHash).HasMaxLength(64);
        b.Property(l => l.Email).HasMaxLength(AccountLimits.Email);
        b.HasIndex(l => l.TokenHash).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PasswordFailure> b)
    {
        b.Property(f => f.AddressHash).HasMaxLength(64);
        b.Property(f => f.ClientHash).HasMaxLength(64);
        b.HasIndex(f => new { f.AddressHash, f.At });
        b.HasIndex(f => f.At);
    }
}

public static class AccountLimits
{
    public const int DisplayName = 100;
    public const int Email = 256;
    public const int PasswordMin = 10;
    public const int PasswordMax = 200;
}
