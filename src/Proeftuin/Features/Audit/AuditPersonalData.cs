using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Audit;

/// <summary>
/// Audit entries about a person, as actor or subject. The log keeps what happened (it must, for two years), but
/// after erasure no longer says to whom: both user ids are emptied.
/// </summary>
public sealed class AuditPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 90;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(AuditEvent), nameof(AuditEvent.ActorUserId), "leeggemaakt; de regel blijft"),
        new(typeof(AuditEvent), nameof(AuditEvent.SubjectUserId), "leeggemaakt; de regel blijft"),
        // Entries about an account (sign-ins, blocks, sign-in links) name it by its id as their subject too.
        new(typeof(AuditEvent), nameof(AuditEvent.SubjectId), "leeggemaakt als het dit account is; de regel blijft"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var id = person.UserId;
        var list = await db.AuditEvents.AsNoTracking().Where(e => e.ActorUserId == id || e.SubjectUserId == id).OrderBy(e => e.At)
            .Select(e => new { e.At, e.Action, ByMe = e.ActorUserId == id, AboutMe = e.SubjectUserId == id, e.ActorKind, e.ProjectId, e.SubjectType, e.SubjectId, e.Detail })
            .ToListAsync(ct);
        return new PersonalDataSection("logboek", "Het logboek over jou",
            "Gevoelige handelingen die jij deed of die over jou gingen, zoals een download van je gegevens of een andere rol in een project. Wie het anders deed, staat er niet bij.",
            list.Select(e => Row.Of(("Wanneer", e.At), ("Wat", e.Action.ToString()), ("Door jou", e.ByMe), ("Over jou", e.AboutMe),
                ("Project", e.ProjectId), ("Waarop", e.SubjectType), ("Nummer", e.SubjectId), ("Toelichting", e.Detail))).ToList());
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.AuditEvents.Where(e => e.ActorUserId == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.ActorUserId, (string?)null), ct);
        await db.AuditEvents.Where(e => e.SubjectUserId == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.SubjectUserId, (string?)null), ct);
        await db.AuditEvents.Where(e => e.SubjectType == AuditSubjects.Account && e.SubjectId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.SubjectId, (string?)null), ct);
    }
}
