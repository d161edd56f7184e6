using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Data;
using Proeftuin.Shared;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>Date ("2027-03-12"), time ("19:30") and place come as typed: the use case checks them and says what is wrong in Dutch.</summary>
public sealed record SessionInput(string? Title, IReadOnlyList<int> QuestionIds, string? PlannedDate = null, string? PlannedTime = null, string? Place = null,
    string? SmallGroupRule = null, string? MinVoters = null);

public sealed record StepInput(string? Title, string? Instruction, int? Minutes, bool Private, bool Anonymous, int? VotesPerPerson, bool SeveralPerNote);

/// <summary>
/// Preparing a session: the project's facilitators create it and lay out its steps from the werkvormen. The plan is
/// fixed once the session starts; only the minutes of a step that has not begun may still change.
/// </summary>
public sealed class PlanSession(AppDbContext db, ProjectAccess projects, SessionAccess access, SessionEvents events, Caller user, TimeProvider clock)
{
    public const string Closed = "De sessie is afgelopen. Je kunt niets meer veranderen.";
    public const string Started = "De sessie is al begonnen. Je kunt de stappen nu niet meer veranderen.";

    /// <summary>The werkvormen a new session starts with, so a facilitator rarely starts from nothing.</summary>
    public static readonly IReadOnlyList<WorkForm> DefaultForms =
        [WorkForm.SilentWriting, WorkForm.Sharing, WorkForm.Clustering, WorkForm.DotVoting, WorkForm.DiscussChoose];

    /// <summary>NotFound when the project is hidden; Forbidden for anyone but its facilitators.</summary>
    public async Task<Outcome<ProjectPermissions>> CanPlanAsync(int projectId, CancellationToken ct = default)
    {
        var project = await projects.ForProjectAsync(projectId, ct);
        if (project is null) return Outcome<ProjectPermissions>.NotFound();
        return project.CanManage ? Outcome<ProjectPermissions>.Ok(project) : Outcome<ProjectPermissions>.Forbidden();
    }

    /// <summary>The project's questions a session may work on.</summary>
    public Task<List<QuestionView>> QuestionsAsync(int projectId, CancellationToken ct = default) =>
        db.Items.OfType<Thread.Question>().AsNoTracking().Where(q => q.ProjectId == projectId)
            .OrderBy(q => q.Title).ThenBy(q => q.Id).Select(q => new QuestionView(q.Id, q.Title)).ToListAsync(ct);

    public Task<Outcome<LiveSession>> CreateAsync(int projectId, SessionInput input, bool withDefaultSteps, CancellationToken ct = default) =>
        CreateAsync(projectId, input, withDefaultSteps ? DefaultForms : [], ct);

    /// <summary>A new session whose steps come from these werkvormen, in this order (the werkvormen library plans from cards).</summary>
    public async Task<Outcome<LiveSession>> CreateAsync(int projectId, SessionInput input, IReadOnlyList<WorkForm> forms, CancellationToken ct = default)
    {
        var allowed = await CanPlanAsync(projectId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<LiveSession>.NotFound() : Outcome<LiveSession>.Forbidden();
        var v = new Validation();
        var title = v.Text("Title", input.Title, SessionLimits.Title, label: "een titel");
        var questions = await CheckQuestionsAsync(projectId, input.QuestionIds, v, ct);
        var when = When(input, v);
        var rule = TallyRuleText.Parse(input.SmallGroupRule, input.MinVoters, v, TallyRule.Default);
        if (forms.Count > SessionLimits.MaxSteps || forms.Any(f => !Enum.IsDefined(f)))
            v.Add("Form", "Een sessie heeft hoogstens {0} stappen.", SessionLimits.MaxSteps);
        if (!v.IsValid) return v;
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new LiveSession
        {
            ProjectId = projectId,
            Title = title,
            State = SessionState.Planned,
            JoinCode = await NewCodeAsync(ct),
            CreatedById = user.Id,
            CreatedAt = now,
            PlannedDate = when.Date,
            PlannedTime = when.Time,
            Place = when.Place,
            SmallGroupRule = rule.Rule,
            MinVoters = rule.MinVoters,
            Questions = questions.Select(id => new SessionQuestion { QuestionId = id }).ToList(),
        };
        var position = 0;
        foreach (var form in forms) session.Steps.Add(FromTemplate(WorkForms.For(form), position++));
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        return Outcome<LiveSession>.Ok(session);
    }

    /// <summary>Title and questions, while the session is still being prepared.</summary>
    public async Task<Outcome<int>> EditAsync(int sessionId, SessionInput input, CancellationToken ct = default)
    {
        var found = await PlannerAsync(sessionId, ct);
        if (!found.IsOk) return Fail(found);
        var caller = found.Value!;
        if (caller.Session.State != SessionState.Planned) return Outcome<int>.Invalid("Title", Started);
        var v = new Validation();
        var title = v.Text("Title", input.Title, SessionLimits.Title, label: "een titel");
        var questions = await CheckQuestionsAsync(caller.Session.ProjectId, input.QuestionIds, v, ct);
        var when = When(input, v);
        if (!v.IsValid) return v;
        caller.Session.Title = title;
        caller.Session.PlannedDate = when.Date;
        caller.Session.PlannedTime = when.Time;
        caller.Session.Place = when.Place;
        var current = await db.SessionQuestions.Where(q => q.SessionId == sessionId).ToListAsync(ct);
        db.SessionQuestions.RemoveRange(current.Where(q => !questions.Contains(q.QuestionId)));
        foreach (var id in questions.Where(id => current.All(q => q.QuestionId != id)))
            db.SessionQuestions.Add(new SessionQuestion { SessionId = sessionId, QuestionId = id });
        return await SavedAsync(sessionId, sessionId, ct);
    }

    /// <summary>
    /// The planned day, time and place, all optional. A day from a year ago up to five years ahead (a typo such as 2207
    /// is caught); a time only with a day; a place of up to <see cref="SessionLimits.Place"/> characters.
    /// </summary>
    private (DateOnly? Date, TimeOnly? Time, string? Place) When(SessionInput input, Validation v)
    {
        var today = DateOnly.FromDateTime(Dates.Local(clock.GetUtcNow().UtcDateTime));
        DateOnly? date = null;
        TimeOnly? time = null;
        var dateText = (input.PlannedDate ?? "").Trim();
        var timeText = (input.PlannedTime ?? "").Trim();
        if (dateText.Length > 0)
        {
            string[] formats = ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy"];
            if (dateText.Length > 20 || !DateOnly.TryParseExact(dateText, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                v.Add("PlannedDate", "Vul een datum in zoals 12-03-2027.");
            else if (d < today.AddYears(-1) || d > today.AddYears(5))
                v.Add("PlannedDate", "Kies een datum tussen een jaar geleden en vijf jaar vooruit.");
            else date = d;
        }
        if (timeText.Length > 0)
        {
            if (timeText.Length > 8 || !TimeOnly.TryParseExact(timeText, ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
                v.Add("PlannedTime", "Vul een tijd in zoals 19:30.");
            else if (dateText.Length == 0)
                v.Add("PlannedDate", "Vul ook de datum in: een tijd zonder dag zegt niemand iets.");
            else time = t;
        }
        var place = v.Text("Place", input.Place, SessionLimits.Place, required: false, label: "De plaats");
        return (date, time, place.Length == 0 ? null : place);
    }

    /// <summary>A new step at the end, filled in from the werkvorm's template.</summary>
    public async Task<Outcome<int>> AddStepAsync(int sessionId, WorkForm form, CancellationToken ct = default)
    {
        var found = await PlannerAsync(sessionId, ct);
        if (!found.IsOk) return Fail(found);
        var session = found.Value!.Session;
        if (session.State != SessionState.Planned) return Outcome<int>.Invalid("Form", Started);
        if (!Enum.IsDefined(form)) return Outcome<int>.Invalid("Form", "Kies een werkvorm uit de lijst.");
        if (session.Steps.Count >= SessionLimits.MaxSteps)
            return Outcome<int>.Invalid("Form", "Een sessie heeft hoogstens {0} stappen.", SessionLimits.MaxSteps);
        var step = FromTemplate(WorkForms.For(form), session.Steps.Count == 0 ? 0 : session.Steps.Max(s => s.Position) + 1);
        session.Steps.Add(step);
        var seq = await events.SaveAsync(sessionId, ct);
        await events.TellAsync(sessionId, () => events.ToAll(sessionId).SessionChanged(seq), ct);
        return Outcome<int>.Ok(step.Id);
    }

    /// <summary>
    /// Everything of a step while planned. Once the session runs, only the minutes of a step that has not started
    /// may change (the timer of a running step has its own buttons).
    /// </summary>
    public async Task<Outcome<int>> EditStepAsync(int sessionId, int stepId, StepInput input, CancellationToken ct = default)
    {
        var found = await PlannerAsync(sessionId, ct);
        if (!found.IsOk) return Fail(found);
        var caller = found.Value!;
        var step = caller.StepById(stepId);
        if (step is null) return Outcome<int>.NotFound();
        var v = new Validation();
        var title = v.Text("Title", input.Title, SessionLimits.StepTitle, label: "een titel");
        var instruction = v.Text("Instruction", input.Instruction, SessionLimits.Instruction, required: false, label: "De uitleg");
        if (input.Minutes is not { } minutes || minutes < 0 || minutes > SessionLimits.MaxMinutes)
            v.Add("Minutes", "Kies een tijd van 0 tot en met {0} minuten (0 is zonder klok).", SessionLimits.MaxMinutes);
        var votes = input.VotesPerPerson ?? 0;
        if (step.Mode == StepMode.Vote && (votes < 1 || votes > SessionLimits.MaxVotes))
            v.Add("VotesPerPerson", "Geef iedereen 1 tot en met {0} stippen.", SessionLimits.MaxVotes);
        if (!v.IsValid) return v;
        if (step.Mode != StepMode.Vote) votes = 0;
        // Names can only be hidden when notes were hidden first; a note written in the open already showed its writer.
        var anonymous = input.Private && input.Anonymous;
        var severalPerNote = step.Mode == StepMode.Vote && input.SeveralPerNote;
        if (caller.Session.State != SessionState.Planned)
        {
            var planChanged = title != step.Title || instruction != step.Instruction || input.Private != step.Private
                || anonymous != step.Anonymous || votes != step.VotesPerPerson || severalPerNote != step.SeveralPerNote;
            if (planChanged) return Outcome<int>.Invalid("Title", "De sessie is al begonnen. Je kunt nu alleen de minuten veranderen van een stap die nog niet begon.");
            if (step.StartedAt is not null && input.Minutes != step.Minutes)
                return Outcome<int>.Invalid("Minutes", "Deze stap is al begonnen. Gebruik de knoppen van de klok.");
        }
        step.Title = title;
        step.Instruction = instruction;
        step.Minutes = input.Minutes!.Value;
        step.Private = input.Private;
        step.Anonymous = anonymous;
        step.VotesPerPerson = votes;
        step.SeveralPerNote = severalPerNote;
        return await SavedAsync(sessionId, stepId, ct);
    }

    /// <summary>One place up (-1) or down (+1).</summary>
    public async Task<Outcome<int>> MoveStepAsync(int sessionId, int stepId, int direction, CancellationToken ct = default)
    {
        var found = await PlannerAsync(sessionId, ct);
        if (!found.IsOk) return Fail(found);
        var session = found.Value!.Session;
        var step = found.Value.StepById(stepId);
        if (step is null) return Outcome<int>.NotFound();
        if (session.State != SessionState.Planned) return Outcome<int>.Invalid("Position", Started);
        var ordered = session.Steps.OrderBy(s => s.Position).ToList();
        var index = ordered.IndexOf(step);
        var target = index + Math.Sign(direction);
        if (direction == 0 || target < 0 || target >= ordered.Count) return Outcome<int>.Ok(stepId);
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        Renumber(ordered);
        return await SavedAsync(sessionId, stepId, ct);
    }

    public async Task<Outcome<int>> RemoveStepAsync(int sessionId, int stepId, CancellationToken ct = default)
    {
        var found = await PlannerAsync(sessionId, ct);
        if (!found.IsOk) return Fail(found);
        var session = found.Value!.Session;
        var step = found.Value.StepById(stepId);
        if (step is null) return Outcome<int>.NotFound();
        if (session.State != SessionState.Planned) return Outcome<int>.Invalid("Position", Started);
        // A planned session has no notes or votes yet, so nothing hangs on the step.
        session.Steps.Remove(step);
        db.Steps.Remove(step);
        Renumber(session.Steps.OrderBy(s => s.Position).ToList());
        return await SavedAsync(sessionId, stepId, ct);
    }

    /// <summary>The session, for its facilitators, as long as it is not closed.</summary>
    public async Task<Outcome<SessionCaller>> PlannerAsync(int sessionId, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<SessionCaller>.NotFound();
        if (!caller.IsFacilitator) return Outcome<SessionCaller>.Forbidden();
        if (caller.IsClosed) return Outcome<SessionCaller>.Invalid("Session", Closed);
        return Outcome<SessionCaller>.Ok(caller);
    }

    private static Step FromTemplate(WorkFormTemplate t, int position) => new()
    {
        Position = position,
        Form = t.Form,
        Mode = t.Mode,
        Title = t.Name,
        Instruction = t.Instruction,
        Minutes = t.Minutes,
        Private = t.Private,
        VotesPerPerson = t.Mode == StepMode.Vote ? Math.Max(1, t.VotesPerPerson) : 0,
    };

    private static void Renumber(List<Step> ordered)
    {
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i;
    }

    private async Task<Outcome<int>> SavedAsync(int sessionId, int id, CancellationToken ct)
    {
        var seq = await events.SaveAsync(sessionId, ct);
        // The plan is shown whole; screens fetch it again rather than patch it.
        await events.TellAsync(sessionId, () => events.ToAll(sessionId).SessionChanged(seq), ct);
        return Outcome<int>.Ok(id);
    }

    /// <summary>Only this project's questions; a wrong or foreign id is a form error, not a silent drop.</summary>
    private async Task<List<int>> CheckQuestionsAsync(int projectId, IReadOnlyList<int> ids, Validation v, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return wanted;
        var known = await db.Items.OfType<Thread.Question>().Where(q => q.ProjectId == projectId && wanted.Contains(q.Id)).Select(q => q.Id).ToListAsync(ct);
        if (known.Count != wanted.Count) v.Add("QuestionIds", "Kies alleen vragen van dit project.");
        return known;
    }

    private async Task<string> NewCodeAsync(CancellationToken ct)
    {
        // 25^6 codes: a clash is rare, but a closed session keeps its code, so ask.
        while (true)
        {
            var code = JoinCodes.New();
            if (!await db.Sessions.AnyAsync(s => s.JoinCode == code, ct)) return code;
        }
    }

    private static Outcome<int> Fail(Outcome<SessionCaller> o) => o.Status switch
    {
        OutcomeStatus.NotFound => Outcome<int>.NotFound(),
        OutcomeStatus.Forbidden => Outcome<int>.Forbidden(),
        _ => Outcome<int>.Invalid(o.Errors),
    };
}

public static class SessionWords
{
    public static string Label(this SessionState state) => state switch
    {
        SessionState.Planned => "In voorbereiding",
        SessionState.Running => "Bezig",
        SessionState.Closed => "Afgelopen",
        _ => state.ToString(),
    };

    /// <summary>Time left as the timer shows it without JavaScript: "4:05"; null when there is no timer.</summary>
    public static string? TimeLeft(StepView step, DateTime now)
    {
        int? seconds = step.EndsAt is { } ends ? (int)Math.Max(0, Math.Ceiling((ends - now).TotalSeconds)) : step.PausedSecondsLeft;
        return seconds is { } s ? $"{s / 60}:{s % 60:00}" : null;
    }

    /// <summary>
    /// The timer's state, which decides its buttons: "idle" (not started or stopped), "running", "paused", or "over"
    /// (ran out). session.js works out the same from the step and the clock.
    /// </summary>
    public static string TimerState(StepView step, DateTime now) =>
        step.EndsAt is { } ends ? (ends > now ? "running" : "over") : step.PausedSecondsLeft is not null ? "paused" : "idle";

    /// <summary>The timer's buttons and the states each one fits (see <see cref="TimerState"/>).</summary>
    public static readonly IReadOnlyList<(TimerAction Action, string Label, string States)> TimerButtons =
    [
        (TimerAction.Start, "Klok starten", "idle over"),
        (TimerAction.Resume, "Verder", "paused"),
        (TimerAction.Pause, "Pauze", "running"),
        (TimerAction.AddMinute, "+1 minuut", "running over"),
        (TimerAction.Stop, "Klok stoppen", "running paused over"),
    ];

    /// <summary>"12 maart 2027 om 19:30 · Buurtkamer De Linde" in the request's language; null when nothing is planned.</summary>
    public static string? Planned(IStringLocalizer l, DateOnly? date, TimeOnly? time, string? place)
    {
        var parts = new List<string>();
        if (date is { } d)
        {
            var day = d.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);
            parts.Add(time is { } t ? l["{0} om {1}", day, t.ToString("HH:mm", CultureInfo.InvariantCulture)].Value : day);
        }
        if (!string.IsNullOrEmpty(place)) parts.Add(place);
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    /// <summary>Planned for a page: the place is typed by people, so on an English page it carries lang="nl".</summary>
    public static IHtmlContent? PlannedHtml(IStringLocalizer l, DateOnly? date, TimeOnly? time, string? place)
    {
        var when = Planned(l, date, time, null);
        if (when is null && string.IsNullOrEmpty(place)) return null;
        var html = new HtmlContentBuilder();
        if (when is not null) html.Append(when);
        if (string.IsNullOrEmpty(place)) return html;
        if (when is not null) html.Append(" · ");
        html.AppendHtml(DutchContent.Lang is { } lang ? $"<span lang=\"{lang}\">" : "<span>");
        html.Append(place);
        return html.AppendHtml("</span>");
    }

    /// <summary>"1 persoon" / "2 mensen".</summary>
    public static string People(IStringLocalizer l, int count) => count == 1 ? l["1 persoon"].Value : l["{0} mensen", count].Value;

    /// <summary>"1 deelnemer" / "2 deelnemers".</summary>
    public static string Participants(IStringLocalizer l, int count) => count == 1 ? l["1 deelnemer"].Value : l["{0} deelnemers", count].Value;

    /// <summary>"1 stip" / "2 stippen".</summary>
    public static string Dots(IStringLocalizer l, int count) => count == 1 ? l["1 stip"].Value : l["{0} stippen", count].Value;
}
