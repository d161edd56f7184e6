using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.MethodCards;

/// <summary>
/// What the card form sends, as typed: Place is "programma-3" or "project-12" (only when adding), Phase the enum's name,
/// numbers as text (the use case reads them and says in Dutch what is wrong), Forms the werkvormen of the steps in order
/// (empty choices are skipped).
/// </summary>
public sealed record CardInput(string? Place, string? Title, string? Purpose, string? Phase, string? Minutes, string? GroupMin, string? GroupMax,
    string? Materials, string? Steps, string? InclusionTips, IReadOnlyList<string?> Forms);

/// <summary>Where a new card comes from when it is a copy: a built-in slug or an own card's id.</summary>
public sealed record CopySource(string? Slug, int? Id);

/// <summary>Adds an own card to a place the caller keeps, or changes one. All fields are checked before anything is saved.</summary>
public sealed class SaveMethodCard(AppDbContext db, CardPlaces places, Caller user, Markdown markdown, TimeProvider clock)
{
    public const string NoPlace = "Kies waar de werkvorm komt: het programma of een project waar jij procesbegeleider bent.";

    /// <summary>Forbidden (or sign in) for who keeps no place at all.</summary>
    public async Task<Outcome<IReadOnlyList<CardPlace>>> CanAddAsync(CancellationToken ct = default)
    {
        if (!user.IsSignedIn) return Outcome<IReadOnlyList<CardPlace>>.Forbidden();
        var kept = await places.KeptAsync(ct);
        return kept.Count == 0 ? Outcome<IReadOnlyList<CardPlace>>.Forbidden() : Outcome<IReadOnlyList<CardPlace>>.Ok(kept);
    }

    /// <summary>NotFound when the card may not be read; Forbidden for who does not keep its place.</summary>
    public async Task<Outcome<MethodCard>> CanEditAsync(int id, CancellationToken ct = default)
    {
        var card = await places.Readable().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (card is null) return Outcome<MethodCard>.NotFound();
        return await places.KeepsAsync(card.ProgrammeId, card.ProjectId, ct) ? Outcome<MethodCard>.Ok(card) : Outcome<MethodCard>.Forbidden();
    }

    public async Task<Outcome<MethodCard>> AddAsync(CardInput input, CopySource? copiedFrom = null, CancellationToken ct = default)
    {
        var allowed = await CanAddAsync(ct);
        if (!allowed.IsOk) return Outcome<MethodCard>.Forbidden();
        var v = new Validation();
        var place = await places.ParseAsync(input.Place, ct);
        if (place is null) v.Add("Place", NoPlace);
        var now = clock.GetUtcNow().UtcDateTime;
        var card = new MethodCard
        {
            ProgrammeId = place?.ProgrammeId,
            ProjectId = place?.ProjectId,
            AuthorId = user.Id,
            CreatedAt = now,
            CopiedFromSlug = copiedFrom?.Slug,
            CopiedFromId = copiedFrom?.Id,
        };
        Apply(card, input, v, now);
        if (!v.IsValid) return v;
        db.Add(card);
        await db.SaveChangesAsync(ct);
        return Outcome<MethodCard>.Ok(card);
    }

    public async Task<Outcome<MethodCard>> EditAsync(int id, CardInput input, CancellationToken ct = default)
    {
        var allowed = await CanEditAsync(id, ct);
        if (!allowed.IsOk) return allowed;
        var card = allowed.Value!;
        var v = new Validation();
        Apply(card, input, v, clock.GetUtcNow().UtcDateTime);
        if (!v.IsValid) return v;
        await db.SaveChangesAsync(ct);
        return Outcome<MethodCard>.Ok(card);
    }

    /// <summary>Checks every field; only when all are right does it write them onto the card (Markdown rendered here, once).</summary>
    private void Apply(MethodCard card, CardInput input, Validation v, DateTime now)
    {
        var title = v.Text("Title", input.Title, MethodCardLimits.Title, label: "de naam van de werkvorm");
        var purpose = v.Text("Purpose", input.Purpose, MethodCardLimits.Purpose, label: "het doel");
        var phaseText = (input.Phase ?? "").Trim();
        var phase = Validation.ExactName<Phase>(phaseText);
        if (phase is null) v.Add("Phase", "Kies een fase uit de lijst.");
        var minutes = Number(v, "Minutes", input.Minutes, 1, MethodCardLimits.MaxMinutes, "Vul een tijd in van 1 tot en met {0} minuten.", MethodCardLimits.MaxMinutes);
        var min = Number(v, "GroupMin", input.GroupMin, 1, MethodCardLimits.MaxGroup, "Vul bij „vanaf” een aantal mensen in van 1 tot en met {0}.", MethodCardLimits.MaxGroup);
        var max = Number(v, "GroupMax", input.GroupMax, 1, MethodCardLimits.MaxGroup, "Vul bij „tot en met” een aantal mensen in van 1 tot en met {0}.", MethodCardLimits.MaxGroup);
        if (min is not null && max is not null && min > max)
            v.Add("GroupMax", "Het grootste aantal mensen kan niet kleiner zijn dan het kleinste.");
        var materials = v.Text("Materials", input.Materials, MethodCardLimits.Materials, required: false, label: "De materialen");
        var steps = v.Text("Steps", input.Steps, MethodCardLimits.Steps, label: "de stappen");
        var tips = v.Text("InclusionTips", input.InclusionTips, MethodCardLimits.InclusionTips, required: false, label: "De tips");

        var forms = new List<WorkForm>();
        var chosen = (input.Forms ?? []).Select(f => (f ?? "").Trim()).Where(f => f.Length > 0).ToList();
        if (chosen.Count > MethodCardLimits.MaxForms)
            v.Add("Forms", "Een werkvorm zet hoogstens {0} stappen klaar.", MethodCardLimits.MaxForms);
        else
            foreach (var text in chosen)
            {
                // Only the enum's own names: no numbers, no "SilentWriting, Sharing" flag lists.
                if (Enum.GetNames<WorkForm>().Contains(text, StringComparer.Ordinal)) forms.Add(Enum.Parse<WorkForm>(text));
                else
                {
                    v.Add("Forms", "Kies de stappen uit de lijst.");
                    break;
                }
            }
        if (v.IsValid && forms.Count == 0)
            v.Add("Forms", "Kies minstens één stap die de werkvorm in een sessie klaarzet.");
        if (!v.IsValid) return;

        card.Title = title;
        card.Purpose = purpose;
        card.Phase = phase!.Value;
        card.Minutes = minutes!.Value;
        card.GroupMin = min!.Value;
        card.GroupMax = max!.Value;
        card.Materials = materials;
        card.Steps = steps;
        card.StepsHtml = markdown.ToSafeHtml(steps);
        card.InclusionTips = tips;
        card.InclusionTipsHtml = markdown.ToSafeHtml(tips);
        card.Forms = forms;
        card.UpdatedAt = now;
        card.SearchTerms = DutchStems.ToSearchTerms(title, purpose, steps);
    }

    /// <summary>A whole number in range, as typed (no decimals, no signs, no thousands separators).</summary>
    private static int? Number(Validation v, string field, string? text, int min, int max, string message, int shown)
    {
        var t = (text ?? "").Trim();
        if (t.Length is > 0 and <= 6 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        v.Add(field, message, shown);
        return null;
    }
}
