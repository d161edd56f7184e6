using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

[Authorize]
public sealed class CreateModel(SaveItem save, IStringLocalizer<SharedResource> l) : PageModel, IItemFormPage
{
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Soort { get; set; }
    /// <summary>For an idea: the question it answers (from the question's page), linked as "beantwoordt" when saved.</summary>
    [BindProperty(SupportsGet = true, Name = "vraag")] public string? Vraag { get; set; }
    [BindProperty] public ItemForm Input { get; set; } = new();
    public string? AnswersTitle { get; private set; }
    /// <summary>For an idea: the project's questions, offered first in the form (none: the idea stands on its own).</summary>
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public int? Answers => answers;
    private int? answers;
    public ItemKind Kind { get; private set; }
    public int ProjectId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var allowed = await AllowedAsync(id);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Input.KnowledgeSource = allowed.Value!.Perspective;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        // Who may add what comes first: an unknown kind or hidden project is 404, not a form error.
        var allowed = await AllowedAsync(id);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        if (!ModelState.IsValid) return Page();
        var outcome = await save.CreateAsync(id, Kind, Input.ToInput(), answers, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        var item = outcome.Value!;
        this.Flash(item is Question && !QuestionPhrasing.Follows(item.Title)
            ? "De vraag is opgeslagen. Tip: begin met „Hoe kunnen we …?”. Zo blijft de vraag open en nodigt ze uit tot ideeën."
            : "Opgeslagen.");
        return Redirect($"/draad/{item.Id}");
    }

    private async Task<Outcome<ProjectPermissions>> AllowedAsync(int id)
    {
        ProjectId = id;
        var kind = ThreadWords.KindFromSlug(Soort);
        if (kind is { } k) Kind = k;
        var allowed = await save.CanCreateAsync(id, kind, HttpContext.RequestAborted);
        if (!allowed.IsOk) return allowed;
        if (Kind == ItemKind.Idea) Questions = await save.QuestionsAsync(id, HttpContext.RequestAborted);
        // The picker's "no question" sends an empty value: no link.
        if (string.IsNullOrEmpty(Vraag)) return allowed;
        // Only an idea answers a question, and only one of this project's: anything else is not there.
        if (Kind != ItemKind.Idea || !int.TryParse(Vraag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var questionId)
            || await save.AnsweredAsync(id, questionId, HttpContext.RequestAborted) is not { } question)
            return Outcome<ProjectPermissions>.NotFound();
        answers = question.Id;
        AnswersTitle = question.Title;
        return allowed;
    }
}
