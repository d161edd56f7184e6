using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Signification;

public sealed record LabelInput(string? Id, string? Text);

/// <summary>
/// A signifier as typed in the editor. Labels are the triad's anchors (top, left, right), the dyad's poles
/// (left, right), the stones or the list items; empty rows are ignored.
/// </summary>
public sealed record SignifierInput(string? Id, SignifierType Type, string? Title, bool AllowNa, bool Required,
    IReadOnlyList<LabelInput> Labels, string? XStart = null, string? XEnd = null, string? YStart = null, string? YEnd = null, bool Multiple = false);

/// <summary>
/// Facilitators change their project's framework: add, edit, remove and reorder signifiers. Every save raises
/// the version; answers keep the version they were given under and are read by signifier id, so an edit never
/// breaks them. A signifier's id and type stay fixed once made, for the same reason.
/// </summary>
public sealed class SaveFramework(AppDbContext db, GetFramework get, Caller user, TimeProvider clock)
{
    /// <summary>The framework, for a facilitator (NotFound for who may not read the project, Forbidden for other readers).</summary>
    public async Task<Outcome<FrameworkView>> LoadAsync(int projectId, CancellationToken ct = default)
    {
        var view = await get.RunAsync(projectId, ct);
        if (!view.IsOk) return view;
        return view.Value!.Permissions!.CanManage ? view : Outcome<FrameworkView>.Forbidden();
    }

    /// <summary>Adds a signifier (<paramref name="originalId"/> null) or replaces the one with that id.</summary>
    public Task<Outcome<FrameworkView>> SaveSignifierAsync(int projectId, int expectedVersion, string? originalId, SignifierInput input, CancellationToken ct = default) =>
        ChangeAsync(projectId, expectedVersion, (definition, v) =>
        {
            var list = definition.Signifiers.ToList();
            var index = originalId is null ? -1 : list.FindIndex(s => s.Id == originalId);
            if (originalId is not null && index < 0)
            {
                v.Add("", "Deze vraag bestaat niet meer. Misschien heeft iemand anders hem net verwijderd.");
                return null;
            }
            var existing = index >= 0 ? list[index] : null;
            // Id and type are fixed after creation: old answers are found by id and read by type.
            var signifier = Build(existing is null ? input : input with { Id = existing.Id, Type = existing.Type }, v);
            if (existing is null)
            {
                if (list.Count >= FrameworkLimits.Signifiers)
                    v.Add("", "Een duidingskader heeft hoogstens {0} vragen. Haal eerst een vraag weg.", FrameworkLimits.Signifiers);
                else if (signifier is not null && list.Any(s => s.Id == signifier.Id))
                    v.Add("Id", "Er is al een vraag met de code {0}. Kies een andere code.", signifier.Id);
            }
            if (!v.IsValid || signifier is null) return null;
            if (index >= 0) list[index] = signifier; else list.Add(signifier);
            return definition with { Signifiers = list };
        }, ct);

    public Task<Outcome<FrameworkView>> RemoveAsync(int projectId, int expectedVersion, string id, CancellationToken ct = default) =>
        ChangeAsync(projectId, expectedVersion, (definition, v) =>
        {
            if (definition.Find(id) is null)
            {
                v.Add("", "Deze vraag bestaat niet meer. Misschien heeft iemand anders hem net verwijderd.");
                return null;
            }
            return definition with { Signifiers = definition.Signifiers.Where(s => s.Id != id).ToList() };
        }, ct);

    /// <summary>Moves a signifier one place up (<paramref name="up"/>) or down; at either end nothing changes but the version.</summary>
    public Task<Outcome<FrameworkView>> MoveAsync(int projectId, int expectedVersion, string id, bool up, CancellationToken ct = default) =>
        ChangeAsync(projectId, expectedVersion, (definition, v) =>
        {
            var list = definition.Signifiers.ToList();
            var index = list.FindIndex(s => s.Id == id);
            if (index < 0)
            {
                v.Add("", "Deze vraag bestaat niet meer. Misschien heeft iemand anders hem net verwijderd.");
                return null;
            }
            var target = up ? index - 1 : index + 1;
            if (target >= 0 && target < list.Count) (list[index], list[target]) = (list[target], list[index]);
            return definition with { Signifiers = list };
        }, ct);

    private async Task<Outcome<FrameworkView>> ChangeAsync(int projectId, int expectedVersion, Func<FrameworkDefinition, Validation, FrameworkDefinition?> change, CancellationToken ct)
    {
        var loaded = await LoadAsync(projectId, ct);
        if (!loaded.IsOk) return loaded;
        var view = loaded.Value!;
        var v = new Validation();
        if (view.Version != expectedVersion)
            return Outcome<FrameworkView>.Invalid("", "Iemand anders heeft het duidingskader net gewijzigd. Bekijk de nieuwe versie en probeer het opnieuw.");
        var changed = change(view.Definition, v);
        if (!v.IsValid || changed is null) return v;

        var json = changed.ToJson();
        var now = clock.GetUtcNow().UtcDateTime;
        var newVersion = expectedVersion + 1;
        if (view.IsDefault)
        {
            db.SignificationFrameworks.Add(new SignificationFramework { ProjectId = projectId, Version = newVersion, Json = json, UpdatedAt = now, UpdatedById = user.Id });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return Conflict(); }
        }
        else
        {
            // Only if nobody saved in between: the version in the WHERE makes two saves at once impossible.
            var userId = user.Id;
            var rows = await db.SignificationFrameworks.Where(f => f.ProjectId == projectId && f.Version == expectedVersion)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.Version, newVersion).SetProperty(f => f.Json, json)
                    .SetProperty(f => f.UpdatedAt, now).SetProperty(f => f.UpdatedById, userId), ct);
            if (rows == 0) return Conflict();
        }
        return Outcome<FrameworkView>.Ok(view with { Version = newVersion, IsDefault = false, Definition = changed });
    }

    private static Outcome<FrameworkView> Conflict() =>
        Outcome<FrameworkView>.Invalid("", "Iemand anders heeft het duidingskader net gewijzigd. Bekijk de nieuwe versie en probeer het opnieuw.");

    /// <summary>Checks one signifier as typed; null when it has errors (added to <paramref name="v"/>).</summary>
    internal static Signifier? Build(SignifierInput input, Validation v)
    {
        if (!Enum.IsDefined(input.Type))
        {
            v.Add("Type", "Kies een soort vraag.");
            return null;
        }
        var title = v.Text("Title", input.Title, FrameworkLimits.Title, label: "de vraag");
        var id = (input.Id ?? "").Trim().ToLowerInvariant();
        if (id.Length == 0 && title.Length > 0) id = FrameworkLimits.Slug(title);
        if (!FrameworkLimits.IsValidId(id))
            v.Add("Id", "Een code bestaat uit kleine letters, cijfers en streepjes, begint met een letter en is hoogstens {0} tekens.", FrameworkLimits.Id);

        var labels = Labels(input, v);
        var signifier = new Signifier { Id = id, Type = input.Type, Title = title, AllowNa = input.AllowNa, Required = input.Required };
        switch (input.Type)
        {
            case SignifierType.Triad:
            case SignifierType.Dyad:
                signifier = signifier with { Labels = labels };
                break;
            case SignifierType.Stones:
                var xStart = v.Text("XStart", input.XStart, FrameworkLimits.Label, label: "het begin van de liggende as");
                var xEnd = v.Text("XEnd", input.XEnd, FrameworkLimits.Label, label: "het eind van de liggende as");
                var yStart = v.Text("YStart", input.YStart, FrameworkLimits.Label, label: "het begin van de staande as");
                var yEnd = v.Text("YEnd", input.YEnd, FrameworkLimits.Label, label: "het eind van de staande as");
                signifier = signifier with { XAxis = new(xStart, xEnd), YAxis = new(yStart, yEnd), Stones = labels };
                break;
            case SignifierType.List:
                signifier = signifier with { Items = labels, Multiple = input.Multiple };
                break;
        }
        return v.IsValid ? signifier : null;
    }

    /// <summary>Fixed rows for triads (3) and dyads (2), a range of filled rows for stones and list items.</summary>
    private static List<SignifierLabel> Labels(SignifierInput input, Validation v)
    {
        var rows = input.Labels ?? [];
        var fixedCount = input.Type switch { SignifierType.Triad => 3, SignifierType.Dyad => 2, _ => 0 };
        var result = new List<SignifierLabel>();
        var seen = new HashSet<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var blank = string.IsNullOrWhiteSpace(row.Text) && string.IsNullOrWhiteSpace(row.Id);
            if (fixedCount == 0 && blank) continue;
            if (fixedCount > 0 && i >= fixedCount) break;
            var text = v.Text($"Labels[{i}].Text", row.Text, FrameworkLimits.Label, label: "de tekst");
            var id = (row.Id ?? "").Trim().ToLowerInvariant();
            if (id.Length == 0 && text.Length > 0) id = FrameworkLimits.Slug(text);
            if (id.Length == 0) continue;
            if (!FrameworkLimits.IsValidId(id))
                v.Add($"Labels[{i}].Id", "Een code bestaat uit kleine letters, cijfers en streepjes, begint met een letter en is hoogstens {0} tekens.", FrameworkLimits.Id);
            else if (!seen.Add(id))
                v.Add($"Labels[{i}].Id", "De code {0} komt twee keer voor. Elke code moet anders zijn.", id);
            result.Add(new SignifierLabel(id, text));
        }
        if (fixedCount > 0 && rows.Count < fixedCount)
            v.Add("Labels[0].Text", "Vul alle {0} teksten in.", fixedCount);
        var (min, max) = input.Type switch
        {
            SignifierType.Stones => (FrameworkLimits.MinStones, FrameworkLimits.MaxStones),
            SignifierType.List => (FrameworkLimits.MinItems, FrameworkLimits.MaxItems),
            _ => (fixedCount, fixedCount),
        };
        if (fixedCount == 0 && (result.Count < min || result.Count > max))
            v.Add("Labels[0].Text", "Vul tussen {0} en {1} antwoorden in.", min, max);
        return result;
    }
}
