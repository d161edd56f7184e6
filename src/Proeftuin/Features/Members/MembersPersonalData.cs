using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Members;

/// <summary>
/// Memberships (role, perspective) and invitations: sent to this person's address, accepted by them, or made by them.
/// The address of someone else one invited is that person's data: the export says only that an invitation was made.
/// </summary>
public sealed class MembersPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 60;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(Membership), nameof(Membership.UserId), "verwijderd"),
        new(typeof(Invitation), nameof(Invitation.Email), "uitnodigingen aan dit adres verwijderd"),
        new(typeof(Invitation), nameof(Invitation.CreatedById), "leeggemaakt"),
        new(typeof(Invitation), nameof(Invitation.AcceptedById), "leeggemaakt"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == person.UserId).OrderBy(m => m.JoinedAt)
            .Select(m => new { Project = m.Project.Title, m.Role, m.Perspective, m.JoinedAt }).ToListAsync(ct);
        rows.AddRange(memberships.Select(m => Row.Of(("Soort", "Lid van een project"), ("Project", m.Project), ("Rol", m.Role.Label()),
            ("Kennisbron", m.Perspective.Label()), ("Lid sinds", m.JoinedAt))));
        var email = (person.Email ?? "").ToLowerInvariant();
        var received = await db.Invitations.AsNoTracking()
            .Where(i => (email != "" && i.Email != null && i.Email.ToLower() == email) || i.AcceptedById == person.UserId)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new { Project = i.Project.Title, i.Email, i.Role, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt }).ToListAsync(ct);
        rows.AddRange(received.Select(i => Row.Of(("Soort", "Uitnodiging voor jou"), ("Project", i.Project), ("Gestuurd naar", i.Email), ("Rol", i.Role.Label()),
            ("Gemaakt op", i.CreatedAt), ("Geldig tot", i.ExpiresAt), ("Aangenomen op", i.AcceptedAt), ("Ingetrokken op", i.RevokedAt))));
        var sent = await db.Invitations.AsNoTracking().Where(i => i.CreatedById == person.UserId).OrderBy(i => i.CreatedAt)
            .Select(i => new { Project = i.Project.Title, ByMail = i.Email != null, i.Role, i.CreatedAt, i.AcceptedAt, i.RevokedAt }).ToListAsync(ct);
        rows.AddRange(sent.Select(i => Row.Of(("Soort", "Uitnodiging die je maakte"), ("Project", i.Project),
            ("Hoe", i.ByMail ? "per e-mail (het adres is van de ander en staat hier niet)" : "als link"), ("Rol", i.Role.Label()),
            ("Gemaakt op", i.CreatedAt), ("Aangenomen", i.AcceptedAt is not null), ("Ingetrokken op", i.RevokedAt))));
        return new PersonalDataSection("lidmaatschappen", "Projecten en uitnodigingen",
            "De projecten waar je lid van bent, met je rol en je kennisbron, en de uitnodigingen voor jou of van jou.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.Memberships.Where(m => m.UserId == id).ExecuteDeleteAsync(ct);
        if (!string.IsNullOrEmpty(person.Email))
        {
            var email = person.Email.ToLowerInvariant();
            await db.Invitations.Where(i => i.Email != null && i.Email.ToLower() == email).ExecuteDeleteAsync(ct);
        }
        await db.Invitations.Where(i => i.AcceptedById == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.AcceptedById, (string?)null), ct);
        // Not nullable: an empty id names nobody (the invitations page then shows no maker).
        await db.Invitations.Where(i => i.CreatedById == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.CreatedById, ""), ct);
    }
}
