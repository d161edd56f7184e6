using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>/sessies/{id}/stemmen: put a stip on a note or take one off, without JavaScript.</summary>
public sealed class VotesModel(CastVote votes, SessionAccess access, IStringLocalizer<SharedResource> l) : SessionFormPage(l)
{
    [BindProperty] public int? NoteId { get; set; }
    public string? SessionTitle { get; private set; }

    public IActionResult OnGet() => Redirect($"/sessies/{Id}#stemmen");

    public async Task<IActionResult> OnPostVoteAsync()
    {
        if (NoteId is not { } noteId) return NotFound();
        var outcome = await votes.CastAsync(Id, noteId, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await AgainAsync(outcome);
        return Back($"post-it-{noteId}", "Je stip is gezet.");
    }

    public async Task<IActionResult> OnPostUnvoteAsync()
    {
        if (NoteId is not { } noteId) return NotFound();
        var outcome = await votes.RemoveAsync(Id, noteId, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await AgainAsync(outcome);
        return Back($"post-it-{noteId}", "Je stip is weggehaald.");
    }

    private async Task<IActionResult> AgainAsync<T>(Outcome<T> outcome)
    {
        SessionTitle = (await access.ForSessionAsync(Id, HttpContext.RequestAborted))?.Session.Title;
        return Refuse(outcome, prefix: "");
    }
}
