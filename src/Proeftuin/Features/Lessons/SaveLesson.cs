using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Lessons;

/// <summary>
/// What the lesson form sends. Result and Visibility are the enum's names; Domains the domain names (Care, Housing, …);
/// FromId the item it came from (a decision, a reflection, a journey note), only when adding.
/// </summary>
public sealed record LessonInput(string? Title, string? Text, string? Context, string? Mechanism, string? Outcome, string? Result,
    IReadOnlyList<string>? Domains, IReadOnlyList<int>? ThemeIds, string? Visibility, int? FromId = null);

/// <summary>
/// Writes a lesson of a project, or changes one: the team writes, a facilitator or evaluator makes it public (and that
/// is written in the audit log, as is taking it back). A lesson needs its context: without "voor wie en in welke
/// situatie" nobody elsewhere can use it. Made from an item, it is linked to it (item → les), so the thread leads back
/// to the evidence.
/// </summary>
public sealed class SaveLesson(AppDbContext db, ProjectAccess access, ThreadAccess thread, Caller user, Markdown markdown, AuditLog audit, TimeProvider clock)
{
    public const string NeedsContext = "Beschrijf voor wie en in welke situatie dit geldt. Zonder context kan een ander project de les niet gebruiken.";

    /// <summary>404 when the project may not be read; 403 for who is not on its team.</summary>
    public async Task<Outcome<ProjectPermissions>> CanAddAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return Outcome<ProjectPermissions>.NotFound();
        return LessonRules.MayWrite(p) ? Outcome<ProjectPermissions>.Ok(p) : Outcome<ProjectPermissions>.Forbidden();
    }

    /// <summary>The lesson, when the caller may read and change it.</summary>
    public async Task<Outcome<(Lesson Lesson, ProjectPermissions Permissions)>> CanEditAsync(int lessonId, CancellationToken ct = default)
    {
        var lesson = await db.Items.OfType<Lesson>().Include(l => l.Themes).FirstOrDefaultAsync(l => l.Id == lessonId, ct);
        var p = lesson is null ? null : await access.ForProjectAsync(lesson.ProjectId, ct);
        if (lesson is null || p is null || !LessonRules.MayRead(p, lesson.Visibility)) return Outcome<(Lesson, ProjectPermissions)>.NotFound();
        return LessonRules.MayWrite(p) ? Outcome<(Lesson, ProjectPermissions)>.Ok((lesson, p)) : Outcome<(Lesson, ProjectPermissions)>.Forbidden();
    }

    /// <summary>What the lesson is made from, when the caller may read it and it belongs to the project; otherwise null.</summary>
    public async Task<ItemRef?> SourceAsync(int projectId, int? fromId, CancellationToken ct = default)
    {
        if (fromId is not { } id) return null;
        var found = await thread.ReadableAsync(id, ct);
        if (found is not { } f || f.Item.ProjectId != projectId || f.Item is Lesson) return null;
        return new ItemRef(f.Item.Id, f.Item.Kind, f.Item is Stories.Story s ? ThreadAccess.StoryTitle(f.Permissions, s) : f.Item.Title, ItemState.Visible);
    }

    public async Task<Outcome<Lesson>> AddAsync(int projectId, LessonInput input, CancellationToken ct = default)
    {
        var allowed = await CanAddAsync(projectId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<Lesson>.NotFound() : Outcome<Lesson>.Forbidden();
        var p = allowed.Value!;
        var source = await SourceAsync(projectId, input.FromId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var lesson = new Lesson
        {
            ProjectId = projectId,
            AuthorId = user.Id,
            CreatedAt = now,
            UpdatedAt = now,
            KnowledgeSource = p.Perspective ?? Members.Perspective.Professional,
        };
        var v = await ApplyAsync(lesson, p, input, ct);
        if (input.FromId is not null && source is null) v.Add("FromId", "Dit onderdeel kennen we niet in dit project. Begin de les opnieuw vanaf de pagina waar ze vandaan komt.");
        if (!v.IsValid) return v;
        lesson.Phase = await db.Projects.Where(x => x.Id == projectId).Select(x => x.Phase).FirstAsync(ct);
        db.Items.Add(lesson);
        if (source is not null)
            db.Links.Add(new Link { ProjectId = projectId, FromId = source.Id, To = lesson, Type = LinkType.LeadsTo, CreatedById = user.Id, CreatedAt = now });
        if (lesson.Visibility == LessonVisibility.Team)
        {
            await db.SaveChangesAsync(ct);
            return Outcome<Lesson>.Ok(lesson);
        }
        // Published at once: the audit entry names the lesson's id, known after the first save; both or neither stay.
        return await db.InTransactionAsync(async (tx, ct) =>
        {
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(AuditAction.LessonPublished, lesson.ProjectId, AuditSubjects.Lesson, lesson.Id.ToString(CultureInfo.InvariantCulture), ct: ct);
            await tx.CommitAsync(ct);
            return Outcome<Lesson>.Ok(lesson);
        }, ct);
    }

    public async Task<Outcome<Lesson>> EditAsync(int lessonId, LessonInput input, CancellationToken ct = default)
    {
        var allowed = await CanEditAsync(lessonId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<Lesson>.NotFound() : Outcome<Lesson>.Forbidden();
        var (lesson, p) = allowed.Value;
        var before = lesson.Visibility;
        var v = await ApplyAsync(lesson, p, input, ct);
        if (!v.IsValid) return v;
        lesson.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (before != lesson.Visibility)
            audit.Add(lesson.Visibility == LessonVisibility.Public ? AuditAction.LessonPublished : AuditAction.LessonMadeTeamOnly,
                lesson.ProjectId, AuditSubjects.Lesson, lesson.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Outcome<Lesson>.Ok(lesson);
    }

    /// <summary>Checks the fields and, when they are right, writes them onto the lesson (Markdown rendered here, once).</summary>
    private async Task<Validation> ApplyAsync(Lesson lesson, ProjectPermissions p, LessonInput input, CancellationToken ct)
    {
        var v = new Validation();
        var title = v.Text("Title", input.Title, ThreadLimits.Title, label: "een korte titel");
        var text = v.Text("Text", input.Text, LessonLimits.Text, label: "wat jullie geleerd hebben");
        var context = (input.Context ?? "").Trim();
        if (context.Length == 0) v.Add("Context", NeedsContext);
        else context = v.Text("Context", context, LessonLimits.Part, label: "de context");
        var mechanism = v.Text("Mechanism", input.Mechanism, LessonLimits.Part, required: false, label: "waarom het werkt");
        var outcome = v.Text("Outcome", input.Outcome, LessonLimits.Part, required: false, label: "wat het opleverde");

        var result = Validation.ExactName<LessonResult>((input.Result ?? "").Trim());
        if (result is null) v.Add("Result", "Kies of het werkte, niet werkte of een briljante mislukking was.");

        // Left out (members have no choice on the form): it stays as it is; a new lesson starts as the team's.
        var visibilityText = (input.Visibility ?? "").Trim();
        var visibility = visibilityText.Length == 0 ? lesson.Visibility : Validation.ExactName<LessonVisibility>(visibilityText);
        if (visibility is null) v.Add("Visibility", "Kies wie de les mag lezen.");
        else if (visibility != lesson.Visibility && !LessonRules.MayPublish(p))
            v.Add("Visibility", LessonRules.OnlyFacilitatorPublishes);

        var domains = Domains.None;
        foreach (var d in input.Domains ?? [])
        {
            if (Validation.ExactName<Domains>(d) is not { } one || !ProjectWords.AllDomains.Contains(one))
            {
                v.Add("Domains", "Kies alleen domeinen uit de lijst.");
                break;
            }
            domains |= one;
        }
        var themeIds = (input.ThemeIds ?? []).Distinct().ToList();
        var themes = themeIds.Count == 0 ? [] : themeIds.Count > 50 ? null : await db.Themes.Where(t => themeIds.Contains(t.Id)).ToListAsync(ct);
        if (themes is null || themes.Count != themeIds.Count) v.Add("ThemeIds", "Kies alleen thema's uit de lijst.");
        if (!v.IsValid) return v;

        lesson.Title = title;
        lesson.Text = text;
        lesson.Html = markdown.ToSafeHtml(text);
        lesson.Context = context;
        lesson.Mechanism = mechanism;
        lesson.Outcome = outcome;
        lesson.Result = result;
        lesson.Visibility = visibility!.Value;
        if (lesson.Visibility == LessonVisibility.Public) lesson.PublishedAt ??= clock.GetUtcNow().UtcDateTime;
        lesson.Domains = domains;
        lesson.Themes.Clear();
        lesson.Themes.AddRange(themes!);
        lesson.RefreshSearchTerms();
        return v;
    }
}
