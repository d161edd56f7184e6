using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Signification;

/// <summary>A project's framework and its version; version 0 is the default framework (the project has none of its own yet).</summary>
public sealed record FrameworkView(int ProjectId, string ProjectTitle, int Version, bool IsDefault, FrameworkDefinition Definition, ProjectPermissions? Permissions);

/// <summary>The framework that tellers in a project answer: the project's own, or the Dutch default.</summary>
public sealed class GetFramework(AppDbContext db, ProjectAccess access)
{
    /// <summary>For anyone who may read the project (editor, analysis, API).</summary>
    public async Task<Outcome<FrameworkView>> RunAsync(int projectId, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<FrameworkView>.NotFound();
        var view = await LoadAsync(projectId, ct);
        return view is null ? Outcome<FrameworkView>.NotFound() : Outcome<FrameworkView>.Ok(view with { Permissions = permissions });
    }

    /// <summary>Without a permission check: for use cases that decided already (a teller with a key may not read the project).</summary>
    internal async Task<FrameworkView?> LoadAsync(int projectId, CancellationToken ct = default)
    {
        var title = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null) return null;
        var row = await db.SignificationFrameworks.AsNoTracking().Where(f => f.ProjectId == projectId)
            .Select(f => new { f.Version, f.Json }).FirstOrDefaultAsync(ct);
        if (row is null) return new FrameworkView(projectId, title, 0, true, FrameworkDefinition.Default, null);
        FrameworkDefinition definition;
        try { definition = FrameworkDefinition.FromJson(row.Json); }
        // Only the editor writes this JSON; should it ever be unreadable, tellers still get questions.
        catch (JsonException) { definition = FrameworkDefinition.Default; }
        return new FrameworkView(projectId, title, row.Version, false, definition, null);
    }
}
