using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Reflections;

/// <summary>One answer field on the form (bound as Answers[i].*).</summary>
public sealed class AnswerField
{
    public int PromptId { get; set; }
    public string? Text { get; set; }
}

/// <summary>A team member answers the reflection's prompts; the form starts from their earlier answers.</summary>
[Authorize]
public sealed class AnswerModel(AnswerReflection answer, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public List<AnswerField> Answers { get; set; } = [];
    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public string Title { get; private set; } = "";
    public Perspective Perspective { get; private set; }
    public IReadOnlyList<ReflectionPrompt> Prompts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l, "Answers");
        var mine = await answer.MineAsync(id, HttpContext.RequestAborted);
        Answers = [.. Prompts.Select(p => new AnswerField { PromptId = p.Id, Text = mine.GetValueOrDefault(p.Id) })];
        if (loaded.Value.Reflection.Status == ReflectionStatus.Done) ModelState.AddModelError("Answers[0].Text", l[ReflectionRules.Closed]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l, "Answers");
        if (!ModelState.IsValid) return Page();
        var outcome = await answer.RunAsync(id, [.. Answers.Select(a => new AnswerInput(a.PromptId, a.Text))], HttpContext.RequestAborted);
        if (!outcome.IsOk)
        {
            // The use case names Answers[i]; the field on the page is Answers[i].Text.
            foreach (var e in outcome.Errors) ModelState.AddModelError(e.Field + ".Text", e.Localize(l));
            return outcome.Status == OutcomeStatus.Invalid ? Page() : this.Fail(outcome, l, "Answers");
        }
        this.Flash("Je antwoorden zijn bewaard.");
        return Redirect($"/reflecties/{id}#antwoorden");
    }

    private async Task<Outcome<(Reflection Reflection, ProjectPermissions Permissions)>> LoadAsync(int id)
    {
        Id = id;
        var loaded = await answer.CanAnswerAsync(id, HttpContext.RequestAborted);
        if (loaded.IsOk)
        {
            var (reflection, p) = loaded.Value;
            ProjectId = reflection.ProjectId;
            Title = reflection.Title;
            Perspective = p.Perspective ?? Perspective.Experience;
            Prompts = [.. reflection.Prompts.OrderBy(x => x.Position)];
        }
        return loaded;
    }
}
