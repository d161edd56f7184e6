using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

public sealed record ResponseView(InitiativeStatus Status, string ReasonsHtml, string Reasons, string? ByName, DateTime At);

/// <summary>A pledge as the page shows it: the name only for initiators and facilitators; Hidden in place of the text.</summary>
public sealed record PledgeView(PledgeKind Kind, int? Hours, string? Bring, int? IfOthers, bool ConditionMet, Perspective Perspective, string? Name, bool Hidden, DateTime At);

public sealed record OriginRef(int Id, ItemKind Kind, string Title, string Url);

/// <summary>The initiative page and GET /api/v1/initiatives/{id}.</summary>
public sealed record InitiativeView(
    int Id, int ProgrammeId, string ProgrammeTitle, int? ProjectId, string? ProjectTitle, InitiativeType Type, string Title,
    string What, string WhatHtml, string Why, string WhyHtml, string ForWhom, string ForWhomHtml, string Needed, string NeededHtml,
    InitiativeStatus Status, int Threshold, int Counted, int Active, DateTime? ReachedAt, bool PledgesClosed, bool Hidden,
    IReadOnlyList<string> InitiatorNames, OriginRef? Origin, DateTime CreatedAt,
    KnowledgeBalance ByPerspective, IReadOnlyList<PledgeView> Pledges, IReadOnlyList<ResponseView> Responses,
    bool IsSignedIn, PledgeView? MyPledge, bool MayPledge, bool MayEdit, bool MayRespond, bool ContentHidden, string? ModerationNote = null)
{
    /// <summary>0–100, for the progress bar.</summary>
    public int Percent => Threshold <= 0 ? 100 : Math.Min(100, (int)Math.Round(100.0 * Counted / Threshold));
    public bool IsReached => ReachedAt is not null;
    public int StillNeeded => Math.Max(0, Threshold - Counted);
    /// <summary>Why a pledge cannot be made now, as the Dutch message; null when it can.</summary>
    public string? ClosedReason => Hidden ? InitiativeRules.Hidden : Status == InitiativeStatus.NotNow ? InitiativeRules.NotNow : PledgesClosed ? InitiativeRules.Closed : null;
}

public sealed class GetInitiative(AppDbContext db, InitiativeRules rules, ThreadAccess thread)
{
    public async Task<Outcome<InitiativeView>> RunAsync(int id, CancellationToken ct = default)
    {
        var loaded = await rules.LoadAsync(id, ct: ct);
        if (!loaded.IsOk) return Outcome<InitiativeView>.NotFound();
        var c = loaded.Value!;
        var i = c.Initiative;
        var programme = await db.Programmes.Where(x => x.Id == i.ProgrammeId).Select(x => x.Title).FirstAsync(ct);
        var project = i.ProjectId is { } pid ? await db.Projects.Where(x => x.Id == pid).Select(x => x.Title).FirstAsync(ct) : null;
        var names = c.IsSignedIn
            ? await db.Set<InitiativeInitiator>().Where(x => x.InitiativeId == id).OrderBy(x => x.AddedAt).ThenBy(x => x.Id)
                .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => u.DisplayName).ToListAsync(ct)
            : [];
        var pledges = await db.Set<Pledge>().AsNoTracking().Where(p => p.InitiativeId == id && p.WithdrawnAt == null).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new { p.UserId, p.Kind, p.HoursPerWeek, p.Bring, p.IfOthers, p.Perspective, p.HiddenAt, p.CreatedAt, Name = db.Users.Where(u => u.Id == p.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var active = pledges.Count;
        var counted = ThresholdCheck.Counted(pledges.Select(p => p.IfOthers).ToList());
        var views = pledges.Select(p => (p.UserId, View: new PledgeView(p.Kind, p.HoursPerWeek, p.HiddenAt is null ? p.Bring : null, p.IfOthers, (p.IfOthers ?? 0) <= active - 1,
            p.Perspective, c.SeesNames ? p.Name : null, p.HiddenAt is not null, p.CreatedAt))).ToList();
        var mine = c.UserId is { } me ? views.FirstOrDefault(v => v.UserId == me).View : null;
        var byPerspective = KnowledgeBalance.FromCounts(pledges.GroupBy(p => p.Perspective).ToDictionary(g => g.Key, g => g.Count()));
        var responses = await db.Set<InitiativeResponse>().AsNoTracking().Where(r => r.InitiativeId == id).OrderBy(r => r.At).ThenBy(r => r.Id)
            .Select(r => new ResponseView(r.Status, r.ReasonsHtml, r.Reasons, db.Users.Where(u => u.Id == r.ByUserId).Select(u => u.DisplayName).FirstOrDefault(), r.At))
            .ToListAsync(ct);
        if (!c.IsSignedIn) responses = responses.Select(r => r with { ByName = null }).ToList();
        OriginRef? origin = null;
        if (i.RespondsToItemId is { } from && c.Project is { } p)
        {
            var refs = await thread.RefsAsync([from], p, ct);
            if (refs.TryGetValue(from, out var r) && r.Url is { } url && r.Title is { } title) origin = new OriginRef(from, r.Kind, title, url);
        }
        var hide = !c.MayReadContent;
        return Outcome<InitiativeView>.Ok(new InitiativeView(
            i.Id, i.ProgrammeId, programme, i.ProjectId, project, i.Type, hide ? "" : i.Title,
            hide ? "" : i.What, hide ? "" : i.WhatHtml, hide ? "" : i.Why, hide ? "" : i.WhyHtml, hide ? "" : i.ForWhom, hide ? "" : i.ForWhomHtml,
            hide ? "" : i.Needed, hide ? "" : i.NeededHtml,
            i.Status, i.Threshold, counted, active, i.ReachedAt, i.PledgesClosedAt is not null, i.HiddenAt is not null,
            hide ? [] : names, hide ? null : origin, i.CreatedAt, byPerspective, hide ? [] : views.Select(v => v.View).ToList(), hide ? [] : responses,
            c.IsSignedIn, mine, c.MayPledge, c.MayEdit && !hide, c.MayRespond, hide, hide ? null : i.ModerationNote));
    }
}
