using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Gates;

/// <summary>/projecten/{id}/fase: the gate. A facilitator decides doorgaan, terug or stoppen, with reasons, beside any advice asked for.</summary>
[Authorize]
public sealed class ChangePhaseModel(GetProjectOverview query, DecideGate decide, GetAdviceRequest advice, Review.GetReviewAdvice review, IStringLocalizer<SharedResource> l) : ProjectPageModel(query)
{
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>The open advice request, shown beside the form; null when none was asked.</summary>
    public AdviceRequestView? OpenAdvice { get; private set; }

    /// <summary>The review board's open advice (Features/Review) for this gate, shown beside the form.</summary>
    public IReadOnlyList<Review.ReviewAdviceView> ReviewAdvice { get; private set; } = [];

    public sealed class InputModel
    {
        public GateVerdict? Verdict { get; set; }
        public Phase? ToPhase { get; set; }
        public string? WhatChanges { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id, p => p.CanManage) is { } refused) return refused;
        OpenAdvice = await advice.OpenForProjectAsync(id, HttpContext.RequestAborted);
        ReviewAdvice = (await review.RunAsync(id, openOnly: true, HttpContext.RequestAborted)).Value ?? [];
        // The verdict is left for the facilitator to choose; the phase asked about is filled in.
        Input.ToPhase = OpenAdvice?.ProposedPhase;
        Input.ToPhase ??= Project.Phase == Phase.Test ? Phase.Test : Project.Phase + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id, p => p.CanManage) is { } refused) return refused;
        OpenAdvice = await advice.OpenForProjectAsync(id, HttpContext.RequestAborted);
        ReviewAdvice = (await review.RunAsync(id, openOnly: true, HttpContext.RequestAborted)).Value ?? [];
        if (!ModelState.IsValid) return Page();
        var outcome = await decide.RunAsync(id, new GateInput(Input.Verdict, Input.ToPhase, Input.Reason, Input.WhatChanges), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash(outcome.Value!.Verdict == GateVerdict.Stop ? "Het project is gestopt. De geschiedenis blijft bewaard." : "De fase is gewijzigd.");
        return Redirect($"/projecten/{id}");
    }
}
