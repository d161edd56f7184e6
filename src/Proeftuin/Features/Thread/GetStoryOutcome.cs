using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Lessons;
using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>A proef that came of the story: how far it is, in the teller's words.</summary>
public sealed record ExperimentOutcome(ItemRef Item, ExperimentStatus Status, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>A decision about such a proef; no reasoning (that is the team's), only what was chosen.</summary>
public sealed record DecisionOutcome(ItemRef Item, DecisionChoice Choice, bool BrilliantFailure);

/// <summary>A lesson; its text only for a teller who may read the project.</summary>
public sealed record LessonOutcome(ItemRef Item, string? Text);

public sealed record StoryOutcomeView(int StoryId, string StoryTitle, string ProjectTitle, bool CanReadProject, IReadOnlyList<TraceLevel> Fed)
{
    /// <summary>The ideas at the end of the chain ("…en daaruit kwamen deze ideeën"), nearest first.</summary>
    public IReadOnlyList<ItemRef> Ideas => Of(ItemKind.Idea);

    /// <summary>Prototypes, nearest first.</summary>
    public IReadOnlyList<ItemRef> Prototypes => Of(ItemKind.Prototype);

    public IReadOnlyList<ExperimentOutcome> Experiments { get; init; } = [];

    public IReadOnlyList<DecisionOutcome> Decisions { get; init; } = [];

    public IReadOnlyList<LessonOutcome> Lessons { get; init; } = [];

    /// <summary>The stages a teller waits for (idee, prototype, proef, besluit, les): did any come of the story?</summary>
    public bool ReachedAStage => Ideas.Count + Prototypes.Count + Experiments.Count + Decisions.Count + Lessons.Count > 0;

    internal IReadOnlyList<ItemRef> Of(ItemKind kind) =>
        Fed.SelectMany(l => l.Items).Select(e => e.Item).Where(i => i.Kind == kind && i.State == ItemState.Visible).ToList();
}

/// <summary>
/// "Wat is er met mijn verhaal gebeurd?": everything a story fed, for whoever may act for its teller (their
/// account, their private key, or the facilitator who recorded it). Items link to their page only when the
/// teller may read the project.
/// </summary>
public sealed class GetStoryOutcome(AppDbContext db, ProjectAccess access, Caller user, GetTrace trace)
{
    /// <summary>Null (404) for unknown and withdrawn stories and for anyone who may not speak for the teller.</summary>
    public async Task<StoryOutcomeView?> RunAsync(int storyId, CancellationToken ct = default)
    {
        var story = await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storyId, ct);
        if (story is null || story.IsWithdrawn) return null;
        var p = await access.ForProjectAsync(story.ProjectId, ct);
        if (!StoryConsent.MaySpeakFor(story, user, p)) return null;
        // Without p, stories show as "een verhaal dat je niet kunt lezen"; the page links nothing then.
        var fed = await trace.ForwardAsync(storyId, p, ct);
        var projectTitle = await db.Projects.Where(x => x.Id == story.ProjectId).Select(x => x.Title).FirstAsync(ct);
        var view = new StoryOutcomeView(storyId, ThreadAccess.StoryTitle(null, story), projectTitle, p is not null, fed);
        return await WithStagesAsync(view, ct);
    }

    /// <summary>How far each proef is, what was decided and what was learned: read only for the items the walk reached.</summary>
    private async Task<StoryOutcomeView> WithStagesAsync(StoryOutcomeView view, CancellationToken ct)
    {
        var experiments = view.Of(ItemKind.Experiment);
        var decisions = view.Of(ItemKind.Decision);
        // A team lesson counts as a stage the story reached, but its title and text stay in the team (ADR 0034).
        var lessons = view.Fed.SelectMany(l => l.Items).Select(e => e.Item).Where(i => i.Kind == ItemKind.Lesson).DistinctBy(i => i.Id).ToList();
        if (experiments.Count + decisions.Count + lessons.Count == 0) return view;
        var experimentIds = experiments.Select(i => i.Id).ToList();
        var runs = await db.Items.OfType<Experiment>().AsNoTracking().Where(e => experimentIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Status, e.StartsOn, e.EndsOn }).ToDictionaryAsync(e => e.Id, ct);
        var decisionIds = decisions.Select(i => i.Id).ToList();
        var choices = await db.Items.OfType<Decision>().AsNoTracking().Where(d => decisionIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Choice, d.BrilliantFailure }).ToDictionaryAsync(d => d.Id, ct);
        var lessonIds = lessons.Where(i => i.State == ItemState.Visible).Select(i => i.Id).ToList();
        var texts = view.CanReadProject
            ? await db.Items.OfType<Lesson>().AsNoTracking().Where(l => lessonIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Text, ct)
            : [];
        return view with
        {
            Experiments = experiments.Where(i => runs.ContainsKey(i.Id))
                .Select(i => new ExperimentOutcome(i, runs[i.Id].Status, runs[i.Id].StartsOn, runs[i.Id].EndsOn)).ToList(),
            Decisions = decisions.Where(i => choices.ContainsKey(i.Id))
                .Select(i => new DecisionOutcome(i, choices[i.Id].Choice, choices[i.Id].BrilliantFailure)).ToList(),
            Lessons = lessons.Select(i => new LessonOutcome(i, texts.GetValueOrDefault(i.Id))).ToList(),
        };
    }
}
