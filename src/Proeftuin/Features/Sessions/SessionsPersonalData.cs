using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// Taking part in live sessions: the seat (name, perspective), post-its and stippen, and sessions someone planned.
/// On erasure the seat stays without a person, named "Oud-deelnemer": post-its keep their place and votes keep counting.
/// Clusters have no creator, so nothing to do there.
/// </summary>
public sealed class SessionsPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 30;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(Participant), nameof(Participant.UserId), "losgemaakt van het account"),
        new(typeof(Participant), nameof(Participant.DisplayName), "wordt \"Oud-deelnemer\""),
        new(typeof(Participant), nameof(Participant.GuestKeyHash), "gewist"),
        new(typeof(Participant), nameof(Participant.BrowserKeyHash), "gewist"),
        new(typeof(Participant), nameof(Participant.RemovedAt), "blijft: de plaats telt niet mee, ook zonder naam"),
        new(typeof(PerspectiveChange), nameof(PerspectiveChange.ParticipantId), "blijft bij de plaats zonder naam"),
        new(typeof(LiveSession), nameof(LiveSession.CreatedById), "leeggemaakt"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        var seats = await db.Participants.AsNoTracking()
            .Where(p => p.UserId == person.UserId)
            .Join(db.Sessions, p => p.SessionId, s => s.Id, (p, s) => new { p.Id, p.SessionId, s.Title, Project = s.Project.Title, p.DisplayName, p.Perspective, p.JoinedAt })
            .OrderBy(p => p.JoinedAt)
            .ToListAsync(ct);
        var seatIds = seats.Select(s => s.Id).ToList();
        foreach (var seat in seats)
            rows.Add(Row.Of(("Soort", "Meegedaan aan een sessie"), ("Sessie", seat.Title), ("Project", seat.Project), ("Naam in de sessie", seat.DisplayName),
                ("Kennisbron", Members.MemberWords.Label(seat.Perspective)), ("Meegedaan op", seat.JoinedAt)));
        var notes = await db.Notes.AsNoTracking().Where(n => seatIds.Contains(n.ParticipantId)).OrderBy(n => n.CreatedAt)
            .Select(n => new { n.Id, n.SessionId, n.Text, n.CreatedAt, n.UpdatedAt }).ToListAsync(ct);
        var titles = seats.GroupBy(s => s.SessionId).ToDictionary(g => g.Key, g => g.First().Title);
        rows.AddRange(notes.Select(n => Row.Of(("Soort", "Post-it"), ("Nummer", n.Id), ("Sessie", titles.GetValueOrDefault(n.SessionId)),
            ("Tekst", n.Text), ("Geschreven op", n.CreatedAt), ("Laatst gewijzigd", n.UpdatedAt))));
        var mine = notes.Select(n => n.Id).ToHashSet();
        var votes = await db.Votes.AsNoTracking().Where(v => seatIds.Contains(v.ParticipantId)).OrderBy(v => v.CreatedAt)
            .Select(v => new { v.SessionId, v.NoteId, v.CreatedAt }).ToListAsync(ct);
        // Which post-it got the stip is said by number only: its text may be someone else's.
        rows.AddRange(votes.Select(v => Row.Of(("Soort", "Stip"), ("Sessie", titles.GetValueOrDefault(v.SessionId)),
            ("Op post-it", mine.Contains(v.NoteId) ? $"{v.NoteId} (je eigen post-it)" : $"{v.NoteId} (van een ander)"), ("Gegeven op", v.CreatedAt))));
        var changes = await db.PerspectiveChanges.AsNoTracking().Where(c => seatIds.Contains(c.ParticipantId)).OrderBy(c => c.ChangedAt)
            .Select(c => new { c.SessionId, c.From, c.To, c.ChangedAt }).ToListAsync(ct);
        rows.AddRange(changes.Select(c => Row.Of(("Soort", "Kennisbron veranderd"), ("Sessie", titles.GetValueOrDefault(c.SessionId)),
            ("Van", Members.MemberWords.Label(c.From)), ("Naar", Members.MemberWords.Label(c.To)), ("Veranderd op", c.ChangedAt))));
        var removed = await db.Participants.AsNoTracking().Where(p => seatIds.Contains(p.Id) && p.RemovedAt != null)
            .Select(p => new { p.SessionId, p.RemovedAt }).ToListAsync(ct);
        rows.AddRange(removed.Select(r => Row.Of(("Soort", "Door de begeleider uit de sessie gehaald"), ("Sessie", titles.GetValueOrDefault(r.SessionId)), ("Op", r.RemovedAt))));
        var planned = await db.Sessions.AsNoTracking().Where(s => s.CreatedById == person.UserId)
            .Select(s => new { s.Title, Project = s.Project.Title, s.CreatedAt }).ToListAsync(ct);
        rows.AddRange(planned.Select(s => Row.Of(("Soort", "Sessie voorbereid"), ("Sessie", s.Title), ("Project", s.Project), ("Gemaakt op", s.CreatedAt))));
        return new PersonalDataSection("sessies", "Live sessies",
            "De sessies waaraan je meedeed, je post-its en je stippen, en de sessies die je voorbereidde.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        // Before the account row goes: its foreign key would otherwise take the seats (and then fail on their post-its).
        await db.Participants.Where(p => p.UserId == id).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.UserId, (string?)null)
            .SetProperty(p => p.GuestKeyHash, (string?)null)
            .SetProperty(p => p.BrowserKeyHash, (string?)null)
            .SetProperty(p => p.DisplayName, FormerMember.Name), ct);
        await db.Sessions.Where(s => s.CreatedById == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.CreatedById, (string?)null), ct);
    }
}
