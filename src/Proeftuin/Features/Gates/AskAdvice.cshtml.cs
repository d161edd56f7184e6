using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Gates;

/// <summary>/projecten/{id}/fase/advies-vragen: a facilitator asks the project's evaluators for advice on a proposed gate.</summary>
[Authorize]
public sealed class AskAdviceModel(GetProjectOverview query, AskGateAdvice ask, GetAdviceRequest advice, IStringLocalizer<SharedResource> l) : ProjectPageModel(query)
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public IReadOnlyList<MemberView> Evaluators { get; private set; } = [];
    public AdviceRequestView? OpenAdvice { get; private set; }

    public sealed class InputModel
    {
        public GateVerdict? Verdict { get; set; }
        public Phase? ToPhase { get; set; }
        public string? Question { get; set; }
        public List<string> EvaluatorIds { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id, p => p.CanManage) is { } refused) return refused;
        await ShowAsync(id);
        Input.Verdict = GateVerdict.Go;
        Input.ToPhase = Project.Phase == Phase.Test ? Phase.Test : Project.Phase + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id, p => p.CanManage) is { } refused) return refused;
        await ShowAsync(id);
        if (!ModelState.IsValid) return Page();
        var outcome = await ask.RunAsync(id, new AdviceRequestInput(Input.Verdict, Input.ToPhase, Input.Question, Input.EvaluatorIds), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Je adviesvraag is verstuurd. De evaluatoren zien een melding.");
        return Redirect($"/projecten/{id}/fase");
    }

    private async Task ShowAsync(int id)
    {
        Evaluators = Project.Members.Where(m => m.Role == ProjectRole.Evaluator).ToList();
        OpenAdvice = await advice.OpenForProjectAsync(id, HttpContext.RequestAborted);
    }
}
