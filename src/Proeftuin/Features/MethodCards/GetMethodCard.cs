using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;

namespace Proeftuin.Features.MethodCards;

/// <summary>A card and what the caller may do with it: edit it (own cards, who keeps its place), copy it (who keeps any place).</summary>
public sealed record CardDetail(CardView Card, bool CanEdit, bool CanCopy, IReadOnlyList<CardPlace> PlanPlaces);

/// <summary>One card by its key: a built-in slug or an own card's id. Null when there is none the caller may read.</summary>
public sealed class GetMethodCard(AppDbContext db, CardPlaces places)
{
    public async Task<CardView?> ViewAsync(string? key, CancellationToken ct = default)
    {
        if (BuiltInCards.BySlug(key) is { } builtIn) return CardView.Of(builtIn);
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        var card = await places.Readable().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (card is null) return null;
        var place = card.ProjectId is { } projectId
            ? await db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).FirstAsync(ct)
            : await db.Programmes.Where(p => p.Id == card.ProgrammeId).Select(p => p.Title).FirstAsync(ct);
        // The card it was copied from is named only when the caller may read that one too.
        var source = card.CopiedFromId is { } from
            ? await places.Readable().Where(c => c.Id == from).Select(c => c.Title).FirstOrDefaultAsync(ct)
            : null;
        return CardView.Of(card, place, source);
    }

    public async Task<CardDetail?> RunAsync(string? key, CancellationToken ct = default)
    {
        var card = await ViewAsync(key, ct);
        if (card is null) return null;
        var kept = await places.KeptAsync(ct);
        var canEdit = !card.IsBuiltIn && await places.KeepsAsync(card.ProgrammeId, card.ProjectId, ct);
        // A session is planned in a project where the card may be used: any for a built-in, else its project or programme's.
        var planPlaces = kept.Where(p => p.ProjectId is not null).ToList();
        if (!card.IsBuiltIn)
        {
            var inProgramme = card.ProgrammeId is { } programmeId
                ? await db.Projects.Where(p => p.ProgrammeId == programmeId).Select(p => p.Id).ToListAsync(ct)
                : [card.ProjectId!.Value];
            planPlaces = [.. planPlaces.Where(p => inProgramme.Contains(p.ProjectId!.Value))];
        }
        return new CardDetail(card, canEdit, kept.Count > 0, planPlaces);
    }
}
