using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

/// <summary>A page about one project that only some may open: 404 for who may not read it, 403 (or sign-in) for who may not do this.</summary>
public abstract class ProjectPageModel(GetProjectOverview query) : PageModel
{
    public ProjectOverview Project { get; private set; } = null!;

    protected async Task<IActionResult?> LoadAsync(int id, Func<ProjectPermissions, bool> may)
    {
        var project = await query.RunAsync(id, HttpContext.RequestAborted);
        if (project is null) return NotFound();
        if (!may(project.Permissions)) return this.Denied();
        Project = project;
        return null;
    }
}
