using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>Preparing a session: title, questions and steps. Facilitators only; every change is its own small form.</summary>
[Authorize]
public sealed class PlanModel(PlanSession plan, ChooseTallyRule tallyRule, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel, ISessionFormPage
{
    [BindProperty] public SessionForm Input { get; set; } = new();
    [BindProperty] public TallyRuleForm Rule { get; set; } = new();
    [BindProperty] public StepForm Step { get; set; } = new();
    public IReadOnlyList<QuestionView> Questions { get; private set; } = [];
    public LiveSession Session { get; private set; } = null!;
    public string ProjectTitle { get; private set; } = "";
    /// <summary>The step whose form failed: it shows the typed values and the messages.</summary>
    public int? EditingStepId { get; private set; }
    public bool IsPlanned => Session.State == SessionState.Planned;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        Input = SessionForm.From(Session,
            await db.SessionQuestions.Where(q => q.SessionId == id).Select(q => q.QuestionId).ToListAsync(HttpContext.RequestAborted));
        Rule = TallyRuleForm.From(Session.TallyRule);
        return Page();
    }

    public async Task<IActionResult> OnPostTallyRuleAsync(int id)
    {
        var outcome = await tallyRule.RunAsync(id, Rule.SmallGroupRule, Rule.MinVoters, HttpContext.RequestAborted);
        if (outcome.IsOk) return Back(id, "De regel voor kleine groepen is opgeslagen.", "kleine-groepen");
        return await FailAsync(id, outcome, "Rule");
    }

    public async Task<IActionResult> OnPostDetailsAsync(int id)
    {
        var outcome = await plan.EditAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (outcome.IsOk) return Back(id, "De sessie is opgeslagen.", "sessie");
        return await FailAsync(id, outcome, "Input");
    }

    public async Task<IActionResult> OnPostAddStepAsync(int id, string? form)
    {
        var parsed = Enum.TryParse<WorkForm>(form, out var f) && Enum.IsDefined(f) ? f : (WorkForm)(-1);
        var outcome = await plan.AddStepAsync(id, parsed, HttpContext.RequestAborted);
        if (outcome.IsOk) return Back(id, "De stap is toegevoegd.", $"stap-{outcome.Value}");
        return await FailAsync(id, outcome, "");
    }

    public async Task<IActionResult> OnPostEditStepAsync(int id, int stepId)
    {
        var input = Step.ToInput();
        // Once running, the form only offers the minutes: the rest stays as planned.
        var loaded = await plan.PlannerAsync(id, HttpContext.RequestAborted);
        if (loaded.IsOk && loaded.Value!.Session.State != SessionState.Planned && loaded.Value.StepById(stepId) is { } current)
            input = new StepInput(current.Title, current.Instruction, Step.Minutes, current.Private, current.Anonymous, current.VotesPerPerson, current.SeveralPerNote);
        var outcome = await plan.EditStepAsync(id, stepId, input, HttpContext.RequestAborted);
        if (outcome.IsOk) return Back(id, "De stap is opgeslagen.", $"stap-{stepId}");
        EditingStepId = stepId;
        return await FailAsync(id, outcome, "Step");
    }

    public async Task<IActionResult> OnPostMoveStepAsync(int id, int stepId, int direction)
    {
        var outcome = await plan.MoveStepAsync(id, stepId, direction, HttpContext.RequestAborted);
        if (outcome.IsOk) return Back(id, "De volgorde is veranderd.", $"stap-{stepId}");
        return await FailAsync(id, outcome, "");
    }

    public async Task<IActionResult> OnPostRemoveStepAsync(int id, int stepId)
    {
        var outcome = await plan.RemoveStepAsync(id, stepId, HttpContext.RequestAborted);
        if (outcome.IsOk) return Back(id, "De stap is weggehaald.", "stappen");
        return await FailAsync(id, outcome, "");
    }

    /// <summary>The typed value of a field of the step being edited, else the stored one.</summary>
    public string? Typed(int stepId, string field, object? stored) =>
        EditingStepId == stepId && ModelState.TryGetValue($"Step.{field}", out var e) && e.AttemptedValue is { } typed ? typed : stored?.ToString();

    public IReadOnlyList<string> ErrorsOf(int stepId, string field) =>
        EditingStepId == stepId && ModelState.TryGetValue($"Step.{field}", out var e) ? e.Errors.Select(x => x.ErrorMessage).ToList() : [];

    private RedirectResult Back(int id, string message, string anchor)
    {
        this.Flash(message);
        return Redirect($"/sessies/{id}/voorbereiden#{anchor}");
    }

    private async Task<IActionResult> FailAsync(int id, Outcome<int> outcome, string prefix)
    {
        if (outcome.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return this.Fail(outcome, l);
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        if (prefix != "Step") EditingStepId = null;
        if (prefix != "Rule") Rule = TallyRuleForm.From(Session.TallyRule);
        if (prefix != "Input")
            Input = SessionForm.From(Session, await db.SessionQuestions.Where(q => q.SessionId == id).Select(q => q.QuestionId).ToListAsync(HttpContext.RequestAborted));
        ModelState.AddErrors(outcome.Errors, l, prefix);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        var loaded = await plan.PlannerAsync(id, ct);
        if (loaded.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return this.Fail(loaded, l);
        if (!loaded.IsOk)
        {
            // Closed: nothing to prepare any more.
            this.Flash(PlanSession.Closed);
            return Redirect($"/sessies/{id}");
        }
        Session = loaded.Value!.Session;
        ProjectTitle = await db.Projects.Where(p => p.Id == Session.ProjectId).Select(p => p.Title).FirstAsync(ct);
        Questions = await plan.QuestionsAsync(Session.ProjectId, ct);
        return null;
    }
}

public sealed class StepForm
{
    public string? Title { get; set; }
    public string? Instruction { get; set; }
    public int? Minutes { get; set; }
    public bool Private { get; set; }
    public bool Anonymous { get; set; }
    public int? VotesPerPerson { get; set; }
    public bool SeveralPerNote { get; set; }
    public StepInput ToInput() => new(Title, Instruction, Minutes, Private, Anonymous, VotesPerPerson, SeveralPerNote);
}
