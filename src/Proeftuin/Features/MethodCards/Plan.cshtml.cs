using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.MethodCards;

/// <summary>
/// A facilitator plans a live session in a project from cards (?project=, and ?kaart= ticks cards beforehand): tick the
/// cards, give the session a title, and the session is made with the cards' steps. Then it is prepared as any session.
/// </summary>
[Authorize]
public sealed class PlanModel(PlanSessionFromCards plan, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "project")] public int ProjectId { get; set; }
    [BindProperty(SupportsGet = true, Name = "kaart")] public List<string> Ticked { get; set; } = [];
    [BindProperty] public PlanForm Input { get; set; } = new();
    public IReadOnlyList<CardView> Choices { get; private set; } = [];
    public string ProjectTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        Input.Cards = [.. Ticked.Where(k => Choices.Any(c => c.Key == k))];
        // One card: its name is a good start for the session's title.
        if (Input.Cards.Count == 1 && Choices.First(c => c.Key == Input.Cards[0]) is { IsBuiltIn: false } only) Input.Title = only.Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        var outcome = await plan.RunAsync(ProjectId, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De sessie is gepland met de stappen van de werkvormen. Kijk de stappen na en pas ze aan waar nodig.");
        return Redirect($"/sessies/{outcome.Value!.Id}/voorbereiden");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var choices = await plan.ChoicesAsync(ProjectId, ct);
        if (!choices.IsOk) return this.Fail(choices, l);
        Choices = choices.Value!;
        ProjectTitle = await db.Projects.Where(p => p.Id == ProjectId).Select(p => p.Title).FirstAsync(ct);
        return null;
    }
}

public sealed class PlanForm
{
    public string? Title { get; set; }
    public string? PlannedDate { get; set; }
    public string? PlannedTime { get; set; }
    public string? Place { get; set; }
    public List<string?> Cards { get; set; } = [];

    public PlanFromCardsInput ToInput() => new(Title, PlannedDate, PlannedTime, Place, Cards);
}
