using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Audit;

/// <summary>/projecten/{id}/logboek: the project's part of the audit log, for its facilitators (and admins). Others: 404 or 403.</summary>
[Authorize]
public sealed class ProjectLogModel(GetProjectOverview query, FindAuditEvents find, IStringLocalizer<SharedResource> l) : ProjectPageModel(query), IAuditLogView
{
    public string Path => $"/projecten/{Project.Id}/logboek";
    public AuditFilter Filter { get; private set; } = new();
    public AuditPage? Result { get; private set; }
    public bool ShowProjectFilter => false;

    public async Task<IActionResult> OnGetAsync(int id, string? actie, string? persoon, string? van, string? tot, string? pagina, string? formaat)
    {
        if (await LoadAsync(id, p => p.CanManage) is { } refused) return refused;
        return await AuditLogPage.ShowAsync(this, find, l, id, new AuditFilter(actie, null, persoon, van, tot, pagina), formaat, r => Result = r, f => Filter = f);
    }
}
