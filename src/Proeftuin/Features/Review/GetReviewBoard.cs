using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Gates;
using Proeftuin.Features.Learning;
using Proeftuin.Features.Lessons;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Review;

/// <summary>
/// One read-only part of the review board: its anchor id, its heading (a Dutch localizer key), the partial that draws
/// it and that partial's model. The page draws the sections in this order; a new module adds its own part by adding a
/// section in <see cref="GetReviewBoard"/>.
/// </summary>
public sealed record ReviewSection(string Id, string Heading, string Partial, object Model);

/// <summary>An experiment's decision (Features/Experiments) with its result, as the review board lists it.</summary>
public sealed record ExperimentDecisionRow(int Id, string Title, DecisionChoice Choice, bool BrilliantFailure, int ExperimentId, string? ExperimentTitle, DateTime At)
{
    public string Url => ThreadWords.PageUrl(ItemKind.Decision, Id);
    public string ExperimentUrl => ThreadWords.PageUrl(ItemKind.Experiment, ExperimentId);
}

/// <summary>A lesson of the project (Features/Lessons), as far as this reader may read it (LessonRules).</summary>
public sealed record LessonRow(int Id, string Title, LessonResult? Result, LessonVisibility Visibility, DateTime At)
{
    public string Url => ThreadWords.PageUrl(ItemKind.Lesson, Id);
}

/// <summary>The gates part: every gate decision with the advice it took (GetGateHistory), and the phase now.</summary>
public sealed record GatesPart(Phase Phase, ProjectStatus Status, IReadOnlyList<GateView> Gates);

/// <summary>
/// The review board of a project: the advice for the next gate (open, with the form for who may write) and, read-only,
/// the project's learning agenda, reflections, gates, experiment decisions and lessons. Each part reuses its module's query; a fixed
/// number of queries whatever the project's size.
/// </summary>
public sealed record ReviewBoard(int ProjectId, string ProjectTitle, Phase Phase, ProjectStatus Status, ProjectPermissions Permissions,
    IReadOnlyList<ReviewAdviceView> Advice, IReadOnlyList<QuestionChoice> Questions, IReadOnlyList<ReviewSection> Sections)
{
    public bool CanWrite => ReviewRules.MayWrite(Permissions) && Status != ProjectStatus.Finished;
    public IReadOnlyList<ReviewAdviceView> Open => [.. Advice.Where(a => a.IsOpen)];
}

/// <summary>The headings of the review board's parts (localizer keys).</summary>
public static class ReviewWords
{
    public const string Agenda = "Leeragenda";
    public const string Reflections = "Reflecties";
    public const string Gates = "Besluiten over de fase";
    public const string Decisions = "Besluiten over proeven";
    public const string Lessons = "Lessen";
}

/// <summary>A learning question to choose as what the advice is about.</summary>
public sealed record QuestionChoice(int Id, string Title);

public sealed class GetReviewBoard(AppDbContext db, ProjectAccess access, GetLearningAgenda agenda, Reflections.GetReflections reflections)
{
    public async Task<Outcome<ReviewBoard>> RunAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return Outcome<ReviewBoard>.NotFound();
        if (!ReviewRules.MayRead(p)) return Outcome<ReviewBoard>.Forbidden();
        var project = await db.Projects.AsNoTracking().Where(x => x.Id == projectId).Select(x => new { x.Title, x.Phase, x.Status }).FirstAsync(ct);

        var advice = await GetReviewAdvice.ReadAsync(db, p, projectId, openOnly: false, ct);
        var learning = (await agenda.RunAsync(projectId, ct))!;
        var looked = (await reflections.RunAsync(projectId, ct))!;
        var gates = GetGateHistory.For(await GetGateHistory.ReadAsync(db, projectId, ct), p);
        var decisions = await db.Items.OfType<Decision>().AsNoTracking().Where(d => d.ProjectId == projectId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Select(d => new ExperimentDecisionRow(d.Id, d.Title, d.Choice, d.BrilliantFailure, d.ExperimentId,
                db.Items.Where(e => e.Id == d.ExperimentId).Select(e => e.Title).FirstOrDefault(), d.CreatedAt))
            .ToListAsync(ct);
        var lessons = await db.Items.AsNoTracking().Where(i => i.ProjectId == projectId && i.Kind == ItemKind.Lesson).Where(LessonRules.VisibleTo(p))
            .OfType<Lesson>().OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Select(l => new LessonRow(l.Id, l.Title, l.Result, l.Visibility, l.CreatedAt))
            .ToListAsync(ct);

        List<ReviewSection> sections =
        [
            new("leeragenda", ReviewWords.Agenda, "_AgendaPart", learning),
            // After the agenda they look back on.
            new("reflecties", ReviewWords.Reflections, "~/Features/Reflections/_ReviewPart.cshtml", looked),
            new("fasebesluiten", ReviewWords.Gates, "_GatesPart", new GatesPart(project.Phase, project.Status, gates)),
            new("besluiten", ReviewWords.Decisions, "_DecisionsPart", decisions),
            new("lessen", ReviewWords.Lessons, "_LessonsPart", lessons),
        ];
        var questions = learning.Questions.Select(q => new QuestionChoice(q.Id, q.Title)).ToList();
        return Outcome<ReviewBoard>.Ok(new ReviewBoard(projectId, project.Title, project.Phase, project.Status, p, advice, questions, sections));
    }
}
