using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Stories;

/// <summary>The fields of the story forms as posted; turned into <see cref="StoryInput"/> for the use case.</summary>
public sealed class StoryForm
{
    public int? PromptId { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? Perspective { get; set; }
    public string? Scope { get; set; }
    public bool MayQuote { get; set; }
    public bool NotifyByEmail { get; set; }
    public string? TellerName { get; set; }
    public string? TellerEmail { get; set; }
    /// <summary>Only on the on-behalf form: the facilitator confirms the teller's consent.</summary>
    public bool ConsentConfirmed { get; set; }

    public StoryInput ToInput() => new(PromptId, Title, Text, Perspective, Scope, MayQuote, NotifyByEmail, TellerName, TellerEmail);
}

public enum StoryFormKind
{
    SignedIn,
    ShareLink,
    OnBehalf,
}

/// <summary>The share (signed in), share-link and on-behalf pages share one form partial, _StoryFields.</summary>
public abstract class StoryFormPageModel : PageModel
{
    [BindProperty] public StoryForm Input { get; set; } = new();
    public StoryFormContext Form { get; protected set; } = null!;
    public abstract StoryFormKind Kind { get; }

    /// <summary>Preselects what can be preselected: the teller's perspective, and the prompt when there is only one. Never the consent scope.</summary>
    protected void Prefill(StoryFormContext form)
    {
        Input.Perspective = form.DefaultPerspective.ToString();
        if (form.Prompts.Count == 1) Input.PromptId = form.Prompts[0].Id;
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
