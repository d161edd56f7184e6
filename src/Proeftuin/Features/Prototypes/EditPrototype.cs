using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>The team edits a prototype's fields: what it is, for whom, its form, what they want to learn, the kennisbron.</summary>
public sealed class EditPrototype(AppDbContext db, PrototypeAccess find, Markdown markdown, TimeProvider clock)
{
    /// <summary>The prototype, tracked, when the caller may edit it: 404 when it may not be read, 403 for observers and outsiders.</summary>
    public async Task<Outcome<Prototype>> LoadAsync(int id, CancellationToken ct = default)
    {
        var found = await find.ReadableAsync(id, ct);
        if (found is not var (prototype, p)) return Outcome<Prototype>.NotFound();
        return PrototypeRules.MayWork(p) ? Outcome<Prototype>.Ok(prototype) : Outcome<Prototype>.Forbidden();
    }

    public async Task<Outcome<Prototype>> RunAsync(int id, PrototypeInput input, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(id, ct);
        if (!loaded.IsOk) return loaded;
        var prototype = loaded.Value!;
        var v = PrototypeRules.Apply(prototype, input with { KnowledgeSource = input.KnowledgeSource ?? prototype.KnowledgeSource }, markdown, clock.GetUtcNow().UtcDateTime);
        if (!v.IsValid) return v;
        await db.SaveChangesAsync(ct);
        return Outcome<Prototype>.Ok(prototype);
    }
}
