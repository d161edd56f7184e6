using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

public sealed record AssumptionView(int Id, int Number, string Text, AssumptionRisk Risk, AssumptionCertainty Certainty)
{
    public bool TestFirst => Assumption.TestFirst(Risk, Certainty);
}

public sealed record AttachmentView(int Id, string FileName, string ContentType, int Size, int? Width, int? Height, string AltText, DateTime UploadedAt)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
    public string Url => $"/bijlagen/{Id}";
}

/// <summary>"Waarom bestaat dit prototype?": what lies upstream of it, one kind at a time, nearest kinds first.</summary>
public sealed record WhyGroup(ItemKind Kind, IReadOnlyList<ItemRef> Items);

public sealed record PrototypeView(
    int Id, int ProjectId, string ProjectTitle, string Title, string ForWhom, PrototypeForm Form, string Text, string Html,
    Perspective KnowledgeSource, Phase Phase, string? AuthorName, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<ItemRef> Ideas, IReadOnlyList<AssumptionView> Assumptions, IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<WhyGroup> Why, bool CanWork)
{
    public IReadOnlyList<AssumptionView> TestFirst => Assumptions.Where(a => a.TestFirst).ToList();
}

/// <summary>One prototype for its page and the API: its fields, assumptions, attachments (without their bytes) and why it exists.</summary>
public sealed class GetPrototype(AppDbContext db, PrototypeAccess find, GetTrace trace)
{
    /// <summary>The order of "Waarom bestaat dit prototype?": ideas first, then what the ideas came from.</summary>
    private static readonly ItemKind[] WhyOrder = [ItemKind.Idea, ItemKind.Question, ItemKind.Need, ItemKind.Insight, ItemKind.Story];

    public async Task<Outcome<PrototypeView>> RunAsync(int id, CancellationToken ct = default)
    {
        var found = await find.ReadableAsync(id, ct);
        if (found is not var (prototype, p)) return Outcome<PrototypeView>.NotFound();
        var projectTitle = await db.Projects.Where(x => x.Id == prototype.ProjectId).Select(x => x.Title).FirstAsync(ct);
        var author = prototype.AuthorId is null || !p.CanSeeMemberNames ? null
            : await db.Users.Where(u => u.Id == prototype.AuthorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var assumptions = (await db.Set<Assumption>().AsNoTracking().Where(a => a.PrototypeId == id).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.Text, a.Risk, a.Certainty }).ToListAsync(ct))
            .Select((a, i) => new AssumptionView(a.Id, i + 1, a.Text, a.Risk, a.Certainty)).ToList();
        var attachments = await db.Set<PrototypeAttachment>().AsNoTracking().Where(a => a.PrototypeId == id).OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.Width, a.Height, a.AltText, a.UploadedAt)).ToListAsync(ct);

        // The thread's own walk (GetTrace), against the flow: stories the reader may not read are left out here, withdrawn
        // ones stay as "ingetrokken verhaal" without anything of them.
        var walked = await trace.RunAsync(id, ct);
        var upstream = (walked?.Backward ?? []).SelectMany(l => l.Items.Select(e => (l.Depth, e.Item)))
            .Where(x => x.Item.State != ItemState.Hidden).ToList();
        var ideas = upstream.Where(x => x.Depth == 1 && x.Item.Kind == ItemKind.Idea).Select(x => x.Item).ToList();
        var why = upstream.GroupBy(x => x.Item.Kind)
            .OrderBy(g => Array.IndexOf(WhyOrder, g.Key) is var i and >= 0 ? i : WhyOrder.Length + (int)g.Key)
            .Select(g => new WhyGroup(g.Key, g.OrderBy(x => x.Depth).Select(x => x.Item).ToList())).ToList();

        return Outcome<PrototypeView>.Ok(new PrototypeView(prototype.Id, prototype.ProjectId, projectTitle, prototype.Title, prototype.ForWhom, prototype.Form,
            prototype.Text, prototype.Html, prototype.KnowledgeSource, prototype.Phase, author, prototype.CreatedAt, prototype.UpdatedAt,
            ideas, assumptions, attachments, why, PrototypeRules.MayWork(p)));
    }
}
