using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.News;

[Authorize]
public sealed class CreateModel(SaveNewsItem save, IStringLocalizer<SharedResource> l) : PageModel, INewsFormPage
{
    [BindProperty(SupportsGet = true)] public int? ProgrammeId { get; set; }
    [BindProperty(SupportsGet = true)] public int? ProjectId { get; set; }
    [BindProperty] public NewsForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var allowed = await save.CanPublishAsync(ProgrammeId, ProjectId, HttpContext.RequestAborted);
        return allowed.IsOk ? Page() : this.Fail(allowed, l);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Who may publish where comes first: a malformed or hidden target is 404, not a form error.
        var allowed = await save.CanPublishAsync(ProgrammeId, ProjectId, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        if (!ModelState.IsValid) return Page();
        var outcome = await save.CreateAsync(ProgrammeId, ProjectId, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Het nieuwsbericht is geplaatst.");
        return Redirect($"/nieuws/{outcome.Value!.Id}");
    }
}

public sealed class NewsForm
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public NewsInput ToInput() => new(Title, Body);
}

/// <summary>The create and edit pages share one form partial.</summary>
public interface INewsFormPage
{
    NewsForm Input { get; }
}
