using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>An idea of the project, as a choice on the form.</summary>
public sealed record IdeaChoice(int Id, string Title);

/// <summary>
/// A facilitator turns one or more of the project's ideas into a prototype. Each chosen idea is linked "idee leidt tot
/// prototype" in the same SaveChanges as the prototype and its audit entry: all or nothing. The tellers of the stories
/// behind the ideas are told (<see cref="NotifyTeller"/>), in the same SaveChanges; their mails go once it is saved.
/// </summary>
public sealed class CreatePrototype(AppDbContext db, ProjectAccess access, Caller user, Markdown markdown, TimeProvider clock, AuditLog audit, NotifyTeller notify)
{
    /// <summary>404 when the project may not be read; 403 for anyone who does not facilitate it.</summary>
    public async Task<Outcome<ProjectPermissions>> CanCreateAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return Outcome<ProjectPermissions>.NotFound();
        return p.CanFacilitate ? Outcome<ProjectPermissions>.Ok(p) : Outcome<ProjectPermissions>.Forbidden();
    }

    /// <summary>The project's ideas, newest first: what the form offers.</summary>
    public Task<List<IdeaChoice>> IdeasAsync(int projectId, CancellationToken ct = default) =>
        db.Items.AsNoTracking().Where(i => i.ProjectId == projectId && i.Kind == ItemKind.Idea)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new IdeaChoice(i.Id, i.Title)).ToListAsync(ct);

    public async Task<Outcome<Prototype>> RunAsync(int projectId, PrototypeInput input, IReadOnlyCollection<int> ideaIds, CancellationToken ct = default)
    {
        var allowed = await CanCreateAsync(projectId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<Prototype>.NotFound() : Outcome<Prototype>.Forbidden();
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new Prototype { ProjectId = projectId, AuthorId = user.Id, CreatedAt = now };
        var v = PrototypeRules.Apply(item, input with { KnowledgeSource = input.KnowledgeSource ?? allowed.Value!.Perspective }, markdown, now);
        var chosen = ideaIds.Distinct().ToList();
        if (chosen.Count == 0)
            v.Add("IdeaIds", "Kies minstens één idee waar dit prototype uit komt.");
        else if (chosen.Count > PrototypeLimits.Ideas)
            v.Add("IdeaIds", "Kies hoogstens {0} ideeën.", PrototypeLimits.Ideas);
        else
        {
            // Only this project's ideas: an id of another project, another kind or nothing at all is refused alike.
            var found = await db.Items.Where(i => chosen.Contains(i.Id) && i.ProjectId == projectId && i.Kind == ItemKind.Idea).CountAsync(ct);
            if (found != chosen.Count) v.Add("IdeaIds", "Kies ideeën uit de lijst van dit project.");
        }
        if (!v.IsValid) return v;
        // The knowledge balance is per phase: a prototype belongs to the phase it was made in.
        item.Phase = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Phase).FirstAsync(ct);
        db.Items.Add(item);
        foreach (var ideaId in chosen)
            db.Links.Add(new Link { ProjectId = projectId, FromId = ideaId, To = item, Type = LinkType.LeadsTo, CreatedById = user.Id, CreatedAt = now });
        var ideas = await db.Items.Where(i => chosen.Contains(i.Id)).ToListAsync(ct);
        var mails = await notify.LinkedAsync(ideas, item, ct);
        // The prototype's number is only known once saved, and one SaveChanges keeps it all-or-nothing: the entry names it by title.
        audit.Add(AuditAction.PrototypeCreated, projectId, AuditSubjects.Prototype,
            detail: $"„{item.Title}” uit {chosen.Count} {(chosen.Count == 1 ? "idee" : "ideeën")}");
        await db.SaveChangesAsync(ct);
        await notify.SendAsync(mails, ct);
        return Outcome<Prototype>.Ok(item);
    }
}
