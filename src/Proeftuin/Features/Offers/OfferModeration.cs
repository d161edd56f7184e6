using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Moderation;
using Proeftuin.Web;

namespace Proeftuin.Features.Offers;

/// <summary>
/// An aanbod or vraag as a contribution to moderate (ADR 0037): "aanbod". A moderator's edit changes its description;
/// the note shows with it. Offers of a programme without a project are moderated by admins.
/// </summary>
public sealed class OfferTarget(AppDbContext db, OfferRules rules, Markdown markdown) : IModerationTarget
{
    public string Kind => "aanbod";
    public string This => "dit aanbod of deze vraag";

    public async Task<IReadOnlyList<ModeratedContent>> FindAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = await db.Set<Offer>().AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new
            {
                o.Id,
                o.ProjectId,
                o.Title,
                o.Text,
                o.OwnerId,
                o.CreatedAt,
                o.HiddenAt,
                o.ModerationNote,
                Where = o.ProjectId == null ? db.Programmes.Where(p => p.Id == o.ProgrammeId).Select(p => p.Title).FirstOrDefault() : db.Projects.Where(p => p.Id == o.ProjectId).Select(p => p.Title).FirstOrDefault(),
                Owner = db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(o => new ModeratedContent(Kind, o.Id, o.ProjectId, o.Where ?? "", o.Title, o.Text, o.OwnerId, o.Owner,
            OfferNotices.Path(o.Id), o.CreatedAt, o.HiddenAt, o.ModerationNote)).ToList();
    }

    public async Task<bool> MayReadAsync(int id, CancellationToken ct) =>
        await rules.LoadAsync(id, ct: ct) is { IsOk: true } loaded && loaded.Value!.Offer.HiddenAt is null;

    public async Task ApplyAsync(int id, ModerationChange change, CancellationToken ct)
    {
        var offer = await db.Set<Offer>().FirstAsync(o => o.Id == id, ct);
        if (change.Hide is { } hide) offer.HiddenAt = hide ? change.At : null;
        if (change.Text is { } text)
        {
            offer.Text = text;
            offer.TextHtml = markdown.ToSafeHtml(text);
            offer.UpdatedAt = change.At;
        }
        if (change.Note is { } note) offer.ModerationNote = note;
    }
}
