using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

public sealed class ClusterForm
{
    public string? Name { get; set; }
    public int? ClusterId { get; set; }
    public int? IntoClusterId { get; set; }
    public int? NoteId { get; set; }
}

/// <summary>/sessies/{id}/clusters: new cluster, rename, move a note (the keyboard path next to drag and drop), merge.</summary>
public sealed class ClustersModel(ClusterNotes clusters, SessionAccess access, IStringLocalizer<SharedResource> l) : SessionFormPage(l)
{
    [BindProperty] public ClusterForm Input { get; set; } = new();
    public string? SessionTitle { get; private set; }
    /// <summary>Which form to show again after a refusal.</summary>
    public string? Handler { get; private set; }

    public IActionResult OnGet() => Redirect($"/sessies/{Id}#clusters");

    public async Task<IActionResult> OnPostNewAsync()
    {
        var outcome = await clusters.AddAsync(Id, Input.Name, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await AgainAsync(outcome, "New");
        return Back($"cluster-{outcome.Value!.Id}", "Het cluster is gemaakt.");
    }

    public async Task<IActionResult> OnPostRenameAsync()
    {
        if (Input.ClusterId is not { } clusterId) return NotFound();
        var outcome = await clusters.RenameAsync(Id, clusterId, Input.Name, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await AgainAsync(outcome, "Rename");
        return Back($"cluster-{clusterId}", "De naam van het cluster is aangepast.");
    }

    /// <summary>An empty ClusterId means "out of every cluster".</summary>
    public async Task<IActionResult> OnPostMoveAsync()
    {
        if (Input.NoteId is not { } noteId) return NotFound();
        var outcome = await clusters.MoveAsync(Id, noteId, Input.ClusterId, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await AgainAsync(outcome, "Move");
        return Back($"post-it-{noteId}", "De post-it is verplaatst.");
    }

    public async Task<IActionResult> OnPostMergeAsync()
    {
        if (Input.ClusterId is not { } from || Input.IntoClusterId is not { } into) return NotFound();
        var outcome = await clusters.MergeAsync(Id, from, into, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await AgainAsync(outcome, "Merge");
        return Back($"cluster-{into}", "De clusters zijn samengevoegd.");
    }

    private async Task<IActionResult> AgainAsync<T>(Outcome<T> outcome, string handler)
    {
        Handler = handler;
        SessionTitle = (await access.ForSessionAsync(Id, HttpContext.RequestAborted))?.Session.Title;
        return Refuse(outcome);
    }
}
