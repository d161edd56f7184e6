using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Moderation;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>
/// An initiative as a contribution to moderate (ADR 0037): "initiatief". A moderator's edit changes what it is about
/// ("Wat"), where names and addresses end up; the note shows with it. Initiatives of a programme without a project are
/// moderated by admins.
/// </summary>
public sealed class InitiativeTarget(AppDbContext db, InitiativeRules rules, Markdown markdown) : IModerationTarget
{
    public string Kind => "initiatief";
    public string This => "dit initiatief";

    public async Task<IReadOnlyList<ModeratedContent>> FindAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = await db.Set<Initiative>().AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new
            {
                i.Id,
                i.ProjectId,
                i.Title,
                i.What,
                i.StarterId,
                i.CreatedAt,
                i.HiddenAt,
                i.ModerationNote,
                Where = i.ProjectId == null ? db.Programmes.Where(p => p.Id == i.ProgrammeId).Select(p => p.Title).FirstOrDefault() : db.Projects.Where(p => p.Id == i.ProjectId).Select(p => p.Title).FirstOrDefault(),
                Starter = db.Users.Where(u => u.Id == i.StarterId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(i => new ModeratedContent(Kind, i.Id, i.ProjectId, i.Where ?? "", i.Title, i.What, i.StarterId, i.Starter,
            $"/initiatieven/{i.Id}", i.CreatedAt, i.HiddenAt, i.ModerationNote)).ToList();
    }

    public async Task<bool> MayReadAsync(int id, CancellationToken ct) =>
        await rules.LoadAsync(id, ct: ct) is { IsOk: true } loaded && loaded.Value!.Initiative.HiddenAt is null;

    public async Task ApplyAsync(int id, ModerationChange change, CancellationToken ct)
    {
        var initiative = await db.Set<Initiative>().FirstAsync(i => i.Id == id, ct);
        if (change.Hide is { } hide) initiative.HiddenAt = hide ? change.At : null;
        if (change.Text is { } text)
        {
            initiative.What = text;
            initiative.WhatHtml = markdown.ToSafeHtml(text);
            initiative.UpdatedAt = change.At;
        }
        if (change.Note is { } note) initiative.ModerationNote = note;
    }
}
