using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Learning;
using Proeftuin.Features.Members;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Reflections;

/// <summary>What the plan form sends: the prompts in order (empty ones are left out), the team members and learning questions chosen.</summary>
public sealed record ReflectionInput(string? Title, string? Text, string? HeldOn, IReadOnlyList<string?> Prompts, IReadOnlyList<string> ParticipantIds, IReadOnlyList<int> QuestionIds);

/// <summary>Someone of the team, as a choice on the plan form.</summary>
public sealed record TeamChoice(string Id, string Name, Perspective Perspective);

/// <summary>A learning question of the project, as a choice on the plan form.</summary>
public sealed record QuestionChoice(int Id, string Title, LearningStatus Status);

/// <summary>
/// Plans a reflection, or changes its plan while it is still open. The chosen learning questions are linked
/// "reflectie onderbouwt leervraag" (kept in step with the choice), the invited people get a melding, and everything is
/// saved in one transaction. Prompts that already have answers stay as they are.
/// </summary>
public sealed class PlanReflection(AppDbContext db, ProjectAccess access, Caller user, Markdown markdown, TimeProvider clock)
{
    public const string PromptsAnswered = "Er zijn al antwoorden op de vragen. De vragen blijven daarom zoals ze zijn.";

    public async Task<Outcome<ProjectPermissions>> CanPlanAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return Outcome<ProjectPermissions>.NotFound();
        return ReflectionRules.MayLead(p) ? Outcome<ProjectPermissions>.Ok(p) : Outcome<ProjectPermissions>.Forbidden();
    }

    public Task<Outcome<(Reflection Reflection, ProjectPermissions Permissions)>> CanEditAsync(int id, CancellationToken ct = default) =>
        ReflectionRules.LoadAsync(db, access, id, ReflectionRules.MayLead, ct);

    /// <summary>The project's team (members and up): who can be invited.</summary>
    public Task<List<TeamChoice>> TeamAsync(int projectId, CancellationToken ct = default) =>
        db.Memberships.AsNoTracking().Where(m => m.ProjectId == projectId && m.Role >= ProjectRole.Member)
            .OrderBy(m => m.User.DisplayName).Select(m => new TeamChoice(m.UserId, m.User.DisplayName, m.Perspective)).ToListAsync(ct);

    public Task<List<QuestionChoice>> QuestionsAsync(int projectId, CancellationToken ct = default) =>
        db.Items.OfType<LearningQuestion>().AsNoTracking().Where(q => q.ProjectId == projectId)
            .OrderBy(q => q.Status).ThenBy(q => q.Id).Select(q => new QuestionChoice(q.Id, q.Title, q.Status)).ToListAsync(ct);

    /// <summary>Which questions are linked now: the edit form starts from them.</summary>
    public Task<List<int>> LinkedQuestionsAsync(int id, CancellationToken ct = default) => QuestionLinks(id).Select(l => l.ToId).ToListAsync(ct);

    public async Task<Outcome<Reflection>> AddAsync(int projectId, ReflectionInput input, CancellationToken ct = default)
    {
        var allowed = await CanPlanAsync(projectId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<Reflection>.NotFound() : Outcome<Reflection>.Forbidden();
        var now = clock.GetUtcNow().UtcDateTime;
        var reflection = new Reflection
        {
            ProjectId = projectId,
            AuthorId = user.Id,
            CreatedAt = now,
            KnowledgeSource = allowed.Value!.Perspective ?? Perspective.Professional,
        };
        var v = new Validation();
        var checkedInput = await CheckAsync(v, projectId, input, ct);
        if (checkedInput is null) return v;
        Apply(reflection, checkedInput, now);
        reflection.Phase = await db.Projects.Where(x => x.Id == projectId).Select(x => x.Phase).FirstAsync(ct);
        reflection.Prompts = ReflectionPrompt.InOrder(checkedInput.Prompts);
        db.Items.Add(reflection);
        await SaveAsync(reflection, checkedInput, [], now, ct);
        return Outcome<Reflection>.Ok(reflection);
    }

    public async Task<Outcome<Reflection>> EditAsync(int id, ReflectionInput input, CancellationToken ct = default)
    {
        var found = await CanEditAsync(id, ct);
        if (!found.IsOk) return found.Status == OutcomeStatus.NotFound ? Outcome<Reflection>.NotFound() : Outcome<Reflection>.Forbidden();
        var reflection = found.Value.Reflection;
        if (reflection.Status == ReflectionStatus.Done) return Outcome<Reflection>.Invalid("Title", ReflectionRules.ClosedPlan);
        var v = new Validation();
        var checkedInput = await CheckAsync(v, reflection.ProjectId, input, ct);
        if (checkedInput is null) return v;
        var prompts = reflection.Prompts.OrderBy(p => p.Position).ToList();
        var promptsChanged = !prompts.Select(p => p.Text).SequenceEqual(checkedInput.Prompts, StringComparer.Ordinal);
        if (promptsChanged)
        {
            // Answers belong to the question they answered; a question changed under them would change what they say.
            if (await db.Set<ReflectionAnswer>().AnyAsync(a => a.ReflectionId == id, ct)) return Outcome<Reflection>.Invalid("Prompts[0]", PromptsAnswered);
            if (reflection.SessionId is not null) return Outcome<Reflection>.Invalid("Prompts[0]", "De vragen staan al in de live sessie. Ze blijven daarom zoals ze zijn.");
            db.RemoveRange(prompts);
            reflection.Prompts = ReflectionPrompt.InOrder(checkedInput.Prompts);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Apply(reflection, checkedInput, now);
        await SaveAsync(reflection, checkedInput, await LinkedQuestionsAsync(id, ct), now, ct);
        return Outcome<Reflection>.Ok(reflection);
    }

    private sealed record Checked(string Title, string Text, DateOnly HeldOn, List<string> Prompts, List<string> ParticipantIds, List<int> QuestionIds);

    private async Task<Checked?> CheckAsync(Validation v, int projectId, ReflectionInput input, CancellationToken ct)
    {
        var title = v.Text("Title", input.Title, ThreadLimits.Title, label: "de naam van de reflectie");
        var text = v.Text("Text", input.Text, ThreadLimits.Text, required: false, label: "waar de reflectie over gaat");
        var day = ExperimentDates.Read(v, "HeldOn", input.HeldOn, "de datum");
        if (day is { } d && d > ExperimentDates.Today(clock).AddYears(2)) v.Add("HeldOn", "Kies een datum binnen twee jaar.");

        var prompts = new List<string>();
        if (input.Prompts.Count > ReflectionLimits.MaxPrompts) v.Add("Prompts[0]", "Een reflectie heeft hoogstens {0} vragen.", ReflectionLimits.MaxPrompts);
        else
        {
            for (var i = 0; i < input.Prompts.Count; i++)
            {
                var prompt = v.Text($"Prompts[{i}]", input.Prompts[i], ReflectionLimits.Prompt, required: false, label: "de vraag");
                if (prompt.Length > 0) prompts.Add(prompt);
            }
            if (v.IsValid && prompts.Count == 0) v.Add("Prompts[0]", "Zet minstens één vraag in de reflectie. Bijvoorbeeld: Wat verraste ons?");
            if (prompts.Distinct(StringComparer.OrdinalIgnoreCase).Count() < prompts.Count) v.Add("Prompts[0]", "Elke vraag staat er maar één keer in.");
        }

        var participantIds = input.ParticipantIds.Select(x => (x ?? "").Trim()).Where(x => x.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (participantIds.Count > ReflectionLimits.MaxParticipants || participantIds.Any(x => x.Length > 100))
            v.Add("ParticipantIds", "Kies mensen uit de lijst van het team.");
        else if (participantIds.Count > 0)
        {
            var team = await db.Memberships.Where(m => m.ProjectId == projectId && m.Role >= ProjectRole.Member && participantIds.Contains(m.UserId)).CountAsync(ct);
            if (team != participantIds.Count) v.Add("ParticipantIds", "Kies mensen uit de lijst van het team.");
        }

        var questionIds = input.QuestionIds.Distinct().ToList();
        if (questionIds.Count > ReflectionLimits.MaxQuestions) v.Add("QuestionIds", "Kies hoogstens {0} leervragen.", ReflectionLimits.MaxQuestions);
        else if (questionIds.Count > 0)
        {
            var found = await db.Items.OfType<LearningQuestion>().CountAsync(q => q.ProjectId == projectId && questionIds.Contains(q.Id), ct);
            if (found != questionIds.Count) v.Add("QuestionIds", "Kies leervragen uit de lijst van dit project.");
        }
        return v.IsValid ? new Checked(title, text, day!.Value, prompts, participantIds, questionIds) : null;
    }

    private void Apply(Reflection reflection, Checked input, DateTime now)
    {
        reflection.Title = input.Title;
        reflection.Text = input.Text;
        reflection.Html = markdown.ToSafeHtml(input.Text);
        reflection.HeldOn = input.HeldOn;
        reflection.UpdatedAt = now;
        reflection.SearchTerms = DutchStems.ToSearchTerms(input.Title, input.Text);
    }

    /// <summary>
    /// Makes the invitations and question links match the form and saves; the newly invited get a melding that links to
    /// the reflection, so a new one is saved first. One transaction: the plan is there with its meldingen, or not at all.
    /// </summary>
    private async Task SaveAsync(Reflection reflection, Checked input, List<int> questions, DateTime now, CancellationToken ct)
    {
        var invited = reflection.Participants.Select(p => p.UserId).ToList();
        reflection.Participants.RemoveAll(p => !input.ParticipantIds.Contains(p.UserId));
        var added = input.ParticipantIds.Except(invited).ToList();
        reflection.Participants.AddRange(added.Select(id => new ReflectionParticipant { UserId = id }));
        if (questions.Except(input.QuestionIds).ToList() is { Count: > 0 } unlinked)
            db.Links.RemoveRange(await QuestionLinks(reflection.Id).Where(l => unlinked.Contains(l.ToId)).ToListAsync(ct));
        foreach (var id in input.QuestionIds.Except(questions))
            db.Links.Add(new Link { ProjectId = reflection.ProjectId, From = reflection, ToId = id, Type = LinkType.Supports, CreatedById = user.Id, CreatedAt = now });

        await db.InTransactionAsync(async (tx, ct) =>
        {
            await db.SaveChangesAsync(ct);
            var day = ExperimentDates.Written(reflection.HeldOn);
            foreach (var id in added.Where(id => id != user.Id))
                db.Notifications.Add(new Notification { UserId = id, Text = $"Je bent uitgenodigd voor de reflectie „{reflection.Title}” op {day}.", Url = $"/reflecties/{reflection.Id}", CreatedAt = now });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }, ct);
    }

    private IQueryable<Link> QuestionLinks(int id) =>
        db.Links.Where(l => l.FromId == id && l.Type == LinkType.Supports && l.To.Kind == ItemKind.LearningQuestion);
}
