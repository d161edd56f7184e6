using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Ideas;

/// <summary>
/// The idea's own page: the idea, the questions it answers, its status with history, support, and the thread's links and
/// comments (the thread's own partial). Support and status are forms here, each through its use case.
/// </summary>
public sealed class IdeaDetailsModel(GetIdea query, GetItemThread thread, Sessions.GetIdeaOrigin origin, SupportIdea support, ChangeIdeaStatus change,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public IdeaView Idea { get; private set; } = null!;
    public ItemThreadView? Thread { get; private set; }
    public Sessions.IdeaOrigin? Origin { get; private set; }

    [BindProperty] public SupportForm SupportInput { get; set; } = new();
    [BindProperty] public StatusForm StatusInput { get; set; } = new();

    // Choices arrive as text and are read here, so a wrong value gets the use case's plain message, not the binder's.
    public sealed class SupportForm
    {
        public string? Perspective { get; set; }
        public Members.Perspective? Chosen => Choice<Members.Perspective>(Perspective);
    }

    public sealed class StatusForm
    {
        public string? Status { get; set; }
        public string? Reason { get; set; }
        public IdeaStatus? Chosen => Choice<IdeaStatus>(Status);
    }

    /// <summary>An enum member by its name, as the form sends it; numbers and anything else are no choice.</summary>
    public static T? Choice<T>(string? value) where T : struct, Enum =>
        !string.IsNullOrEmpty(value) && value.All(char.IsAsciiLetter) && Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        StatusInput.Status = Suggested(Idea.Status).ToString();
        return Page();
    }

    // The use cases decide first: 404, sign in and 403 come before any form error.
    public async Task<IActionResult> OnPostSupportAsync(int id)
    {
        var outcome = await support.SupportAsync(id, SupportInput.Chosen, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await FailAsync(id, outcome, "SupportInput");
        this.Flash("Je steunt dit idee. Dank je wel!");
        return Redirect($"/ideeen/{id}#steun");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id)
    {
        var outcome = await support.WithdrawAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await FailAsync(id, outcome, "SupportInput");
        this.Flash("Je steun is ingetrokken.");
        return Redirect($"/ideeen/{id}#steun");
    }

    public async Task<IActionResult> OnPostStatusAsync(int id)
    {
        var outcome = await change.RunAsync(id, StatusInput.Chosen, StatusInput.Reason, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await FailAsync(id, outcome, "StatusInput");
        this.Flash("De status is gewijzigd.");
        return Redirect($"/ideeen/{id}#status");
    }

    /// <summary>The next step forward, as a first choice in the form; a parked or tested idea suggests nothing new.</summary>
    public static IdeaStatus Suggested(IdeaStatus now) => now switch
    {
        IdeaStatus.New => IdeaStatus.Chosen,
        IdeaStatus.Chosen => IdeaStatus.InProgress,
        IdeaStatus.InProgress => IdeaStatus.Tested,
        _ => now,
    };

    private async Task<IActionResult> FailAsync<T>(int id, Outcome<T> outcome, string prefix)
    {
        if (outcome.Status is OutcomeStatus.NotFound) return NotFound();
        if (outcome.Status is OutcomeStatus.Forbidden) return this.Denied();
        ModelState.AddErrors(outcome.Errors.Where(e => ModelState[$"{prefix}.{e.Field}"] is not { Errors.Count: > 0 }), l, prefix);
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var outcome = await query.RunAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return false;
        Idea = outcome.Value!;
        Thread = await thread.RunAsync(id, HttpContext.RequestAborted);
        Origin = await origin.RunAsync(id, HttpContext.RequestAborted);
        return true;
    }
}
