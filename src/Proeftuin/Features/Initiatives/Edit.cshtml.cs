using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>The initiators change their initiative, add co-initiators from the people who take part, and close new pledges once it is reached.</summary>
[Authorize]
public sealed class EditModel(EditInitiative edit, StartInitiative start, IStringLocalizer<SharedResource> l) : PageModel, IInitiativeFormPage
{
    [BindProperty] public InitiativeForm Input { get; set; } = new();
    public int Id { get; private set; }
    public string CurrentTitle { get; private set; } = "";
    public string? OriginTitle { get; private set; }
    public bool InProject { get; private set; }
    public bool ThresholdFixed { get; private set; }
    public IReadOnlyList<(string Id, string Name)> Pledgers { get; private set; } = [];
    public IReadOnlySet<string> Initiators { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        Input = InitiativeForm.From(loaded.Value!.Initiative);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        // The item it grew from is chosen when starting; it stays as it is.
        Input.RespondsTo = loaded.Value!.Initiative.RespondsToItemId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var outcome = await edit.RunAsync(id, Input.ToInput(), Input.CoInitiators, Input.Closing, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Opgeslagen.");
        return Redirect($"/initiatieven/{id}");
    }

    private async Task<Outcome<InitiativeContext>> LoadAsync(int id)
    {
        Id = id;
        var loaded = await edit.CanEditAsync(id, HttpContext.RequestAborted);
        if (loaded.IsOk)
        {
            var i = loaded.Value!.Initiative;
            CurrentTitle = i.Title;
            InProject = i.ProjectId is not null;
            ThresholdFixed = i.ReachedAt is not null;
            if (i.ProjectId is { } pid && i.RespondsToItemId is { } from) OriginTitle = await start.OriginTitleAsync(pid, from, HttpContext.RequestAborted);
            Pledgers = await edit.PledgersAsync(id, HttpContext.RequestAborted);
            Initiators = i.Initiators.Select(x => x.UserId).ToHashSet(StringComparer.Ordinal);
        }
        return loaded;
    }
}
