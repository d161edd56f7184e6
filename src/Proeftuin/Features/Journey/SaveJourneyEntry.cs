using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Members;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Journey;

/// <summary>What the journey form sends. AnswersId: for an antwoord, the kwestie it answers (optional).</summary>
public sealed record JourneyInput(string? Title, string? Text, string? OccurredOn, Perspective? KnowledgeSource, int? AnswersId);

/// <summary>A kwestie of the project, as a choice on the antwoord form.</summary>
public sealed record IssueChoice(int Id, string Title);

/// <summary>
/// Writes a note on the project's innovatiereis, or changes one. An antwoord may name the kwestie it answers: linked
/// "antwoord beantwoordt kwestie" in the same SaveChanges (the kwestie came first, as LinkFlow reads Answers).
/// The team (and admins) keep the journey; a note is dated by when it happened, never in the future.
/// </summary>
public sealed class SaveJourneyEntry(AppDbContext db, ProjectAccess access, Caller user, Markdown markdown, TimeProvider clock)
{
    public static bool MayWork(ProjectPermissions p) => p.CanContribute || p.CanFacilitate;

    public async Task<Outcome<ProjectPermissions>> CanAddAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return Outcome<ProjectPermissions>.NotFound();
        return MayWork(p) ? Outcome<ProjectPermissions>.Ok(p) : Outcome<ProjectPermissions>.Forbidden();
    }

    public async Task<Outcome<(JourneyEntry Entry, ProjectPermissions Permissions)>> CanEditAsync(int id, CancellationToken ct = default)
    {
        var entry = await db.Items.OfType<JourneyEntry>().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null) return Outcome<(JourneyEntry, ProjectPermissions)>.NotFound();
        var p = await access.ForProjectAsync(entry.ProjectId, ct);
        if (p is null) return Outcome<(JourneyEntry, ProjectPermissions)>.NotFound();
        return MayWork(p) ? Outcome<(JourneyEntry, ProjectPermissions)>.Ok((entry, p)) : Outcome<(JourneyEntry, ProjectPermissions)>.Forbidden();
    }

    /// <summary>The project's kwesties, newest first: what an antwoord may answer.</summary>
    public Task<List<IssueChoice>> IssuesAsync(int projectId, CancellationToken ct = default) =>
        db.Items.OfType<JourneyEntry>().AsNoTracking().Where(e => e.ProjectId == projectId && e.Type == JourneyEntryType.Issue)
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id).Select(e => new IssueChoice(e.Id, e.Title)).ToListAsync(ct);

    public async Task<Outcome<JourneyEntry>> AddAsync(int projectId, JourneyEntryType type, JourneyInput input, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(type)) return Outcome<JourneyEntry>.NotFound();
        var allowed = await CanAddAsync(projectId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<JourneyEntry>.NotFound() : Outcome<JourneyEntry>.Forbidden();
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new JourneyEntry { ProjectId = projectId, Type = type, AuthorId = user.Id, CreatedAt = now };
        var v = Apply(entry, input with { KnowledgeSource = input.KnowledgeSource ?? allowed.Value!.Perspective }, now);
        var answers = await AnswersAsync(v, projectId, type, input.AnswersId, ct);
        if (!v.IsValid) return v;
        entry.Phase = await db.Projects.Where(x => x.Id == projectId).Select(x => x.Phase).FirstAsync(ct);
        db.Items.Add(entry);
        if (answers is not null)
            db.Links.Add(new Link { ProjectId = projectId, From = entry, ToId = answers.Value, Type = LinkType.Answers, CreatedById = user.Id, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return Outcome<JourneyEntry>.Ok(entry);
    }

    public async Task<Outcome<JourneyEntry>> EditAsync(int id, JourneyInput input, CancellationToken ct = default)
    {
        var allowed = await CanEditAsync(id, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<JourneyEntry>.NotFound() : Outcome<JourneyEntry>.Forbidden();
        var entry = allowed.Value.Entry;
        var v = Apply(entry, input with { KnowledgeSource = input.KnowledgeSource ?? entry.KnowledgeSource }, clock.GetUtcNow().UtcDateTime);
        if (!v.IsValid) return v;
        await db.SaveChangesAsync(ct);
        return Outcome<JourneyEntry>.Ok(entry);
    }

    /// <summary>The kwestie an antwoord answers: of this project, a kwestie; checked only for an antwoord.</summary>
    private async Task<int?> AnswersAsync(Validation v, int projectId, JourneyEntryType type, int? answersId, CancellationToken ct)
    {
        if (type != JourneyEntryType.Answer || answersId is null) return null;
        var found = await db.Items.OfType<JourneyEntry>().AnyAsync(e => e.Id == answersId && e.ProjectId == projectId && e.Type == JourneyEntryType.Issue, ct);
        if (!found) v.Add("AnswersId", "Kies een kwestie uit de lijst van dit project.");
        return found ? answersId : null;
    }

    private Validation Apply(JourneyEntry entry, JourneyInput input, DateTime now)
    {
        var v = new Validation();
        var title = v.Text("Title", input.Title, ThreadLimits.Title, label: "wat er gebeurde");
        var text = v.Text("Text", input.Text, ThreadLimits.Text, required: false, label: "de toelichting");
        var day = ExperimentDates.Read(v, "OccurredOn", input.OccurredOn, "de datum");
        if (day is { } d && d > ExperimentDates.Today(clock)) v.Add("OccurredOn", "De innovatiereis gaat over wat al gebeurde: kies vandaag of een dag ervoor.");
        var source = v.Enum("KnowledgeSource", input.KnowledgeSource ?? Perspective.Experience, "Kies een kennisbron uit de lijst.");
        if (!v.IsValid) return v;
        entry.Title = title;
        entry.Text = text;
        entry.Html = markdown.ToSafeHtml(text);
        entry.OccurredOn = day!.Value;
        entry.KnowledgeSource = source;
        entry.UpdatedAt = now;
        entry.SearchTerms = DutchStems.ToSearchTerms(title, text);
        return v;
    }
}
