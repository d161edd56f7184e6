using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Signification;
using Proeftuin.Shared;
using Proeftuin.Web;

namespace Proeftuin.Features.Audit;

/// <summary>
/// The filters as typed in the query string. Everything is text, so a wrong value gets a Dutch message instead of a
/// binding error: actie (an AuditAction name), project (an id; admins only), persoon (part of a name or e-mail
/// address), van / tot (days, yyyy-MM-dd or d-M-yyyy, in Dutch time), pagina.
/// </summary>
public sealed record AuditFilter(string? Action = null, string? Project = null, string? Person = null, string? From = null, string? To = null, string? Page = null);

/// <summary>One line of the logboek as people read it: names, not ids; Dutch words, not codes.</summary>
public sealed record AuditRow(long Id, DateTime At, AuditAction Action, string Actor, bool ActorIsLabel, string Subject, int? ProjectId, string? ProjectTitle, string? Detail);

public sealed record ProjectOption(int Id, string Title);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total, int Page, int Pages, IReadOnlyList<ProjectOption> Projects);

/// <summary>
/// The logboek: admins read all of it, a project's facilitators (and admins) the entries about that project. Newest
/// first, 50 a page, filtered by action, project, person and days; the same filter downloads as a CSV file.
/// </summary>
public sealed class FindAuditEvents(AppDbContext db, ProjectAccess access, Caller user)
{
    public const int PageSize = 50;
    public const int PersonMax = 100;
    /// <summary>A CSV download stops here; a narrower filter gets the rest.</summary>
    public const int CsvMax = 50_000;

    public async Task<Outcome<AuditPage>> RunAsync(int? projectId, AuditFilter filter, CancellationToken ct = default)
    {
        var (query, refused) = await QueryAsync(projectId, filter, ct);
        if (refused is not null) return refused;
        var total = await query!.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = int.TryParse(filter.Page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, pages) : 1;
        var events = await query!.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var projects = projectId is null
            ? await db.Projects.AsNoTracking().OrderBy(x => x.Title).Select(x => new ProjectOption(x.Id, x.Title)).ToListAsync(ct)
            : [];
        return Outcome<AuditPage>.Ok(new AuditPage(await RowsAsync(events, ct), total, page, pages, projects));
    }

    /// <summary>The whole filtered list (up to <see cref="CsvMax"/> lines) as a CSV file that Excel opens with its accents.</summary>
    public async Task<Outcome<ExportFile>> CsvAsync(int? projectId, AuditFilter filter, CancellationToken ct = default)
    {
        var (query, refused) = await QueryAsync(projectId, filter, ct);
        if (refused is not null) return Outcome<ExportFile>.Invalid(refused.Errors);
        var events = await query!.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(CsvMax).ToListAsync(ct);
        var rows = (await RowsAsync(events, ct))
            .Select(r => (IReadOnlyList<object?>)[Dates.Local(r.At).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), r.Actor, r.Action.Label(), r.Subject, r.ProjectTitle, r.Detail])
            .ToList();
        var table = new ExportTable(["wanneer", "wie", "wat", "waarop", "project", "toelichting"], rows);
        var name = projectId is null ? "logboek.csv" : $"logboek-project-{projectId}.csv";
        return Outcome<ExportFile>.Ok(new ExportFile(name, "text/csv; charset=utf-8", ExportStories.ToCsv(table)));
    }

    private async Task<(IQueryable<AuditEvent>? Query, Outcome<AuditPage>? Refused)> QueryAsync(int? projectId, AuditFilter filter, CancellationToken ct)
    {
        if (projectId is { } id)
        {
            var permissions = await access.ForProjectAsync(id, ct);
            if (permissions is null) return (null, Outcome<AuditPage>.NotFound());
            if (!permissions.CanManage) return (null, Outcome<AuditPage>.Forbidden());
        }
        else if (!user.IsAdmin)
        {
            return (null, Outcome<AuditPage>.Forbidden());
        }

        var v = new Validation();
        AuditAction? action = null;
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            // Names only: "3" or "RoleChanged,SignedIn" are no action.
            if (Enum.TryParse<AuditAction>(filter.Action.Trim(), ignoreCase: true, out var a) && Enum.IsDefined(a) && !char.IsDigit(filter.Action.Trim()[0]))
                action = a;
            else
                v.Add("actie", "Kies een soort actie uit de lijst.");
        }
        int? project = projectId;
        if (projectId is null && !string.IsNullOrWhiteSpace(filter.Project))
        {
            if (int.TryParse(filter.Project, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0) project = pid;
            else v.Add("project", "Kies een project uit de lijst.");
        }
        var person = v.Text("persoon", filter.Person, PersonMax, required: false, label: "De naam of het e-mailadres").ToLowerInvariant();
        var from = Day(v, "van", filter.From);
        var to = Day(v, "tot", filter.To);
        if (from is not null && to is not null && from > to)
            v.Add("tot", "De datum bij 'tot en met' ligt vóór de datum bij 'van'. Kies een latere datum.");
        if (!v.IsValid) return (null, Outcome<AuditPage>.Invalid(v.Errors));

        var query = db.AuditEvents.AsNoTracking();
        if (action is { } act) query = query.Where(e => e.Action == act);
        if (project is { } pr) query = query.Where(e => e.ProjectId == pr);
        if (person.Length > 0)
        {
            // A facilitator never sees members' addresses, so in a project's log only names match: part of an
            // address would let them rebuild it letter by letter. Admins (the whole log) may search by address.
            var people = projectId is null
                ? db.Users.Where(u => u.DisplayName.ToLower().Contains(person) || u.Email!.ToLower().Contains(person)).Select(u => u.Id)
                : db.Users.Where(u => u.DisplayName.ToLower().Contains(person)).Select(u => u.Id);
            query = query.Where(e => people.Contains(e.ActorUserId!) || people.Contains(e.SubjectUserId!));
        }
        if (from is { } f)
        {
            var start = Dates.StartUtc(f);
            query = query.Where(e => e.At >= start);
        }
        if (to is { } t)
        {
            var end = Dates.StartUtc(t.AddDays(1));
            query = query.Where(e => e.At < end);
        }
        return (query, null);
    }

    /// <summary>Names for a page of entries: two queries for the page, not two per line.</summary>
    private async Task<IReadOnlyList<AuditRow>> RowsAsync(IReadOnlyList<AuditEvent> events, CancellationToken ct)
    {
        var userIds = events.SelectMany(e => new[] { e.ActorUserId, e.SubjectUserId }).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var projectIds = events.Select(e => e.ProjectId).OfType<int>().Distinct().ToList();
        var titles = await db.Projects.Where(p => projectIds.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToDictionaryAsync(p => p.Id, p => p.Title, ct);

        string Person(string? id) => id is not null && names.TryGetValue(id, out var name) ? name : AuditWords.FormerParticipant;
        return events.Select(e =>
        {
            var known = e.ActorUserId is not null && names.ContainsKey(e.ActorUserId);
            var actor = known ? names[e.ActorUserId!] : e.ActorUserId is not null ? AuditWords.FormerParticipant : AuditWords.ActorKindLabel(e.ActorKind);
            var subject = e.SubjectUserId is not null
                ? $"{AuditWords.SubjectLabel(e.SubjectType)}: {Person(e.SubjectUserId)}"
                : e.SubjectType is null ? "" : $"{AuditWords.SubjectLabel(e.SubjectType)} {e.SubjectId}".Trim();
            string? title = e.ProjectId is { } pid ? titles.TryGetValue(pid, out var t) ? t : $"Project {pid} (verwijderd)" : null;
            return new AuditRow(e.Id, e.At, e.Action, actor, !known, subject, e.ProjectId, title, e.Detail);
        }).ToList();
    }

    private static DateOnly? Day(Validation v, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.Length <= 10 && DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year is >= 2000 and <= 9998)
            return day;
        v.Add(field, "Vul de datum in als dag-maand-jaar, bijvoorbeeld 31-12-2026.");
        return null;
    }
}
