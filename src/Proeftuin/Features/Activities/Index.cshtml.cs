using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Activities;

/// <summary>Upcoming activities the caller may see, filtered by programme or project; past ones apart.</summary>
public sealed class IndexModel(FindActivities find, Proeftuin.Web.ProjectAccess access) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "programma")] public int? ProgrammeId { get; set; }
    [BindProperty(SupportsGet = true, Name = "project")] public int? ProjectId { get; set; }
    public ActivityList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        // A bad number in the address is no filter rather than an error page.
        if (!ModelState.IsValid) return Redirect("/activiteiten");
        // A project that may not be read does not exist for this caller.
        if (ProjectId is { } pid && await access.ForProjectAsync(pid, HttpContext.RequestAborted) is null) return NotFound();
        List = await find.PageAsync(new ActivityFilter(ProgrammeId, ProjectId), HttpContext.RequestAborted);
        return Page();
    }
}
