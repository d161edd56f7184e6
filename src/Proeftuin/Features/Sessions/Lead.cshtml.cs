using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// The facilitator panel's buttons as plain form posts (without JavaScript); with JavaScript the same buttons call the
/// hub. Both end in <see cref="RunSession"/>. Each post goes back to the session page with a message.
/// </summary>
public sealed class LeadModel(RunSession run, ManageParticipants manage, ChooseTallyRule tallyRule, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public TallyRuleForm Rule { get; set; } = new();

    public IActionResult OnGet(int id) => Redirect($"/sessies/{id}");

    public async Task<IActionResult> OnPostStartAsync(int id) =>
        Done(id, await run.StartAsync(id, Ct), "De sessie is begonnen.", "stap");

    public async Task<IActionResult> OnPostStepAsync(int id, int stepId) =>
        Done(id, await run.GoToStepAsync(id, stepId, Ct), "Iedereen is nu bij deze stap.", "stap");

    public async Task<IActionResult> OnPostNextAsync(int id) =>
        Done(id, await run.StepByAsync(id, 1, Ct), "Iedereen is nu bij deze stap.", "stap");

    public async Task<IActionResult> OnPostPreviousAsync(int id) =>
        Done(id, await run.StepByAsync(id, -1, Ct), "Iedereen is nu bij deze stap.", "stap");

    public async Task<IActionResult> OnPostTimerAsync(int id, int stepId, TimerAction action) =>
        Done(id, await run.ChangeTimerAsync(id, stepId, action, Ct), "De klok is aangepast.", "stap");

    public async Task<IActionResult> OnPostRevealAsync(int id, int stepId) =>
        Done(id, await run.RevealAsync(id, stepId, Ct), "Iedereen ziet nu de post-its van deze stap.", "post-its");

    public async Task<IActionResult> OnPostCloseVotingAsync(int id, int stepId) =>
        Done(id, await run.CloseVotingAsync(id, stepId, Ct), "De stemming is dicht. Iedereen ziet de uitslag.", "stemmen");

    public async Task<IActionResult> OnPostSummonAsync(int id, string? focus) =>
        Done(id, await run.SummonAsync(id, focus, Ct), "Iedereen is naar hetzelfde deel van de sessie gestuurd.", string.IsNullOrWhiteSpace(focus) ? "stap" : focus.Trim());

    public async Task<IActionResult> OnPostCloseAsync(int id) =>
        Done(id, await run.CloseAsync(id, Ct), null, "stap"); // the page's own banner says it is over, for good

    public async Task<IActionResult> OnPostRemoveAsync(int id, int participantId) =>
        Done(id, await manage.RemoveAsync(id, participantId, Ct), "De deelnemer is uit de sessie gehaald. Hun post-its blijven staan.", "deelnemers");

    public async Task<IActionResult> OnPostTallyRuleAsync(int id) =>
        Done(id, await tallyRule.RunAsync(id, Rule.SmallGroupRule, Rule.MinVoters, Ct), "De regel voor kleine groepen is opgeslagen.", "leiden");

    public async Task<IActionResult> OnPostJoiningAsync(int id, JoiningRule joining)
    {
        var outcome = await manage.SetJoiningAsync(id, joining, Ct);
        var message = outcome.Value switch
        {
            JoiningRule.Closed => "Meedoen is nu gesloten. Wie al meedoet, kan gewoon verder.",
            JoiningRule.UntilVote => "Meedoen sluit zodra het stemmen begint.",
            _ => "Meedoen is open.",
        };
        return Done(id, outcome.IsOk ? Outcome<int>.Ok(id) : Carry(outcome), message, "deelnemers");
    }

    private static Outcome<int> Carry<T>(Outcome<T> outcome) => outcome.Status switch
    {
        OutcomeStatus.NotFound => Outcome<int>.NotFound(),
        OutcomeStatus.Forbidden => Outcome<int>.Forbidden(),
        _ => Outcome<int>.Invalid(outcome.Errors),
    };

    private CancellationToken Ct => HttpContext.RequestAborted;

    private IActionResult Done(int id, Outcome<int> outcome, string? message, string anchor)
    {
        switch (outcome.Status)
        {
            case OutcomeStatus.Ok:
                if (message is not null) this.Flash(message);
                return Redirect($"/sessies/{id}#{Uri.EscapeDataString(anchor)}");
            case OutcomeStatus.NotFound:
                return NotFound();
            case OutcomeStatus.Forbidden:
                return this.Denied();
            default:
                // Shown as is: the layout's localizer finds no key for an already translated text and keeps it.
                this.Flash(string.Join(" ", outcome.Errors.Select(e => e.Localize(l))));
                return Redirect($"/sessies/{id}#leiden");
        }
    }
}
