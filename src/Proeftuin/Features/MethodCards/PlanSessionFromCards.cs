using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Sessions;
using Proeftuin.Web;

namespace Proeftuin.Features.MethodCards;

/// <summary>What the plan form sends: the session's title and day, and the cards' keys in the order they were ticked.</summary>
public sealed record PlanFromCardsInput(string? Title, string? PlannedDate, string? PlannedTime, string? Place, IReadOnlyList<string?> Cards);

/// <summary>
/// A live session planned from one or more cards: its steps are the cards' steps, card after card. The session itself is
/// made by the sessions' own use case (<see cref="PlanSession"/>), so its rules (facilitators only, title, date) hold here too.
/// Cards must be usable in the project: built-in, the project's own, or its programme's.
/// </summary>
public sealed class PlanSessionFromCards(PlanSession plan, CardPlaces places)
{
    /// <summary>The cards a session in this project may come from, for the form's checkboxes.</summary>
    public async Task<Outcome<IReadOnlyList<CardView>>> ChoicesAsync(int projectId, CancellationToken ct = default)
    {
        var allowed = await plan.CanPlanAsync(projectId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<IReadOnlyList<CardView>>.NotFound() : Outcome<IReadOnlyList<CardView>>.Forbidden();
        var programmeId = allowed.Value!.ProgrammeId;
        var own = await places.Readable().AsNoTracking()
            .Where(c => c.ProjectId == projectId || c.ProgrammeId == programmeId)
            .OrderBy(c => c.Title).ThenBy(c => c.Id).ToListAsync(ct);
        return Outcome<IReadOnlyList<CardView>>.Ok([.. BuiltInCards.All.Select(CardView.Of), .. own.Select(c => CardView.Of(c, null, null))]);
    }

    public async Task<Outcome<LiveSession>> RunAsync(int projectId, PlanFromCardsInput input, CancellationToken ct = default)
    {
        var choices = await ChoicesAsync(projectId, ct);
        if (!choices.IsOk) return choices.Status == OutcomeStatus.NotFound ? Outcome<LiveSession>.NotFound() : Outcome<LiveSession>.Forbidden();
        var byKey = choices.Value!.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var keys = (input.Cards ?? []).Select(k => (k ?? "").Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var v = new Validation();
        if (keys.Count == 0) v.Add("Cards", "Kies minstens één werkvorm.");
        else if (keys.Count > MethodCardLimits.MaxCardsPerSession) v.Add("Cards", "Kies hoogstens {0} werkvormen voor één sessie.", MethodCardLimits.MaxCardsPerSession);
        else if (keys.Any(k => !byKey.ContainsKey(k)))
            // A card of another project, one that is gone or a made-up key: never a silent drop.
            v.Add("Cards", "Kies alleen werkvormen uit de lijst: ingebouwde, die van dit project of van het programma.");
        if (!v.IsValid)
        {
            // The session's own fields are checked too, so every mistake shows at once.
            v.Text("Title", input.Title, SessionLimits.Title, label: "een titel");
            return v;
        }
        var forms = keys.SelectMany(k => byKey[k].Forms).ToList();
        return await plan.CreateAsync(projectId, new SessionInput(input.Title, [], input.PlannedDate, input.PlannedTime, input.Place), forms, ct);
    }
}
