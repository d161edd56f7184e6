using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

[Authorize]
public sealed class CreateModel(PlanSession plan, AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel, ISessionFormPage
{
    [BindProperty(SupportsGet = true)] public int ProjectId { get; set; }
    [BindProperty] public SessionForm Input { get; set; } = new();
    public string ProjectTitle { get; private set; } = "";
    public IReadOnlyList<QuestionView> Questions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        // A single question is almost always the one to work on.
        if (Questions.Count == 1) Input.QuestionIds = [Questions[0].Id];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        var outcome = await plan.CreateAsync(ProjectId, Input.ToInput(), Input.DefaultSteps, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De sessie is aangemaakt. Zet nu de stappen klaar.");
        return Redirect($"/sessies/{outcome.Value!.Id}/voorbereiden");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var allowed = await plan.CanPlanAsync(ProjectId, ct);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        ProjectTitle = await db.Projects.Where(p => p.Id == ProjectId).Select(p => p.Title).FirstAsync(ct);
        Questions = await plan.QuestionsAsync(ProjectId, ct);
        return null;
    }
}

public sealed class SessionForm
{
    public string? Title { get; set; }
    public List<int> QuestionIds { get; set; } = [];
    public bool DefaultSteps { get; set; } = true;
    /// <summary>As typed (type="date" sends 2027-03-12): the use case reads and checks it.</summary>
    public string? PlannedDate { get; set; }
    public string? PlannedTime { get; set; }
    public string? Place { get; set; }
    /// <summary>How small perspectives count (issue 15); only the create page sends these, the plan page has its own form.</summary>
    public string? SmallGroupRule { get; set; } = TallyRule.Default.Rule.Slug();
    public string? MinVoters { get; set; } = TallyRule.DefaultMinVoters.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public SessionInput ToInput() => new(Title, QuestionIds, PlannedDate, PlannedTime, Place, SmallGroupRule, MinVoters);

    /// <summary>A stored session's values in the form's own shape.</summary>
    public static SessionForm From(LiveSession s, List<int> questionIds) => new()
    {
        Title = s.Title,
        QuestionIds = questionIds,
        PlannedDate = s.PlannedDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        PlannedTime = s.PlannedTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        Place = s.Place,
    };
}

/// <summary>The create and plan pages share the title and questions fields.</summary>
public interface ISessionFormPage
{
    SessionForm Input { get; }
    IReadOnlyList<QuestionView> Questions { get; }
}
