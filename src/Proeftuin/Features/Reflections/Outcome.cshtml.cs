using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Reflections;

/// <summary>The outcome form's fields (bound as Input.*).</summary>
public sealed class OutcomeForm
{
    public string? Outcome { get; set; }
    public string? Advice { get; set; }
}

/// <summary>The evaluator writes what the reflection taught and their advice, with the answers beside the form.</summary>
[Authorize]
public sealed class OutcomeModel(WriteReflectionOutcome write, GetReflection get, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public OutcomeForm Input { get; set; } = new();
    public ReflectionView Reflection { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        Input = new OutcomeForm { Outcome = Reflection.Outcome, Advice = Reflection.Advice };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await write.RunAsync(id, Input.Outcome, Input.Advice, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De uitkomst is bewaard. De reflectie is afgerond.");
        return Redirect($"/reflecties/{id}#uitkomst");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var allowed = await write.CanWriteAsync(id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Reflection = (await get.RunAsync(id, HttpContext.RequestAborted)).Value!;
        return null;
    }
}
