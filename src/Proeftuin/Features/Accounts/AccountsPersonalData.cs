using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

/// <summary>
/// The account itself, with Identity's rows (roles, logins, claims, tokens), sign-in links and password failures for
/// its address. Erasure deletes the account row; it runs last, after every other contributor let go of it.
/// </summary>
public sealed class AccountsPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 100;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        PersonalColumn.Row(typeof(AppUser), "verwijderd"),
        PersonalColumn.Row(typeof(SignInLink), "verwijderd"),
        PersonalColumn.Row(typeof(IdentityUserRole<string>), "verwijderd"),
        PersonalColumn.Row(typeof(IdentityUserClaim<string>), "verwijderd"),
        PersonalColumn.Row(typeof(IdentityUserLogin<string>), "verwijderd"),
        PersonalColumn.Row(typeof(IdentityUserToken<string>), "verwijderd"),
        new(typeof(PasswordFailure), nameof(PasswordFailure.AddressHash), "verwijderd"),
        new(typeof(PasswordFailure), nameof(PasswordFailure.ClientHash), "verwijderd, met de rij van het adres"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().FirstAsync(x => x.Id == person.UserId, ct);
        var admin = await db.UserRoles.AnyAsync(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Caller.AdminRole), ct);
        var logins = await db.UserLogins.AsNoTracking().Where(l => l.UserId == u.Id).Select(l => l.ProviderDisplayName ?? l.LoginProvider).ToListAsync(ct);
        var links = await db.SignInLinks.AsNoTracking().Where(l => l.UserId == u.Id).OrderBy(l => l.CreatedAt)
            .Select(l => new { l.CreatedAt, l.UsedAt, l.ConfirmsAddress }).ToListAsync(ct);
        var rows = new List<IReadOnlyDictionary<string, object?>>
        {
            Row.Of(("Naam", u.DisplayName), ("E-mailadres", u.Email), ("E-mailadres bevestigd", u.EmailConfirmed),
                ("Kennisbron die je meestal meebrengt", Members.MemberWords.Label(u.DefaultPerspective)), ("Taal", u.Language),
                ("Account gemaakt op", u.CreatedAt), ("Laatst ingelogd", u.LastSignInAt), ("Wachtwoord ingesteld", u.PasswordHash is not null),
                ("Beheerder", admin), ("Geblokkeerd sinds", u.BlockedAt), ("Inloggen via je organisatie", logins),
                ("Inloglinks per e-mail", links.Select(l => Row.Of(("Gevraagd op", l.CreatedAt), ("Gebruikt op", l.UsedAt), ("Om je adres te bevestigen", l.ConfirmsAddress))).ToList())),
        };
        return new PersonalDataSection("account", "Je account", "Wat Proeftuin over je account bewaart. Je wachtwoord bewaren we niet: alleen een versleutelde vorm ervan.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.SignInLinks.Where(l => l.UserId == id).ExecuteDeleteAsync(ct);
        await db.UserRoles.Where(r => r.UserId == id).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == id).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == id).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(ct);
        if (!string.IsNullOrEmpty(person.Email))
        {
            var hash = PasswordThrottle.AddressHash(person.Email);
            await db.PasswordFailures.Where(f => f.AddressHash == hash).ExecuteDeleteAsync(ct);
        }
        // The row itself: nothing refers to it any more (every other contributor ran first), so no tombstone is needed.
        await db.Users.Where(u => u.Id == id).ExecuteDeleteAsync(ct);
    }
}
