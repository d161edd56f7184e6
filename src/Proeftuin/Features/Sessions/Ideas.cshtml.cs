using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// The facilitator's forms in the ideas panel post here (no JavaScript needed): an idea from a note or from a
/// cluster. Afterwards back to the session page, with the outcome as a message.
/// </summary>
public sealed class IdeasModel(MakeIdea make, IStringLocalizer<SharedResource> l) : PageModel
{
    public IActionResult OnGet(int id) => Redirect($"/sessies/{id}#ideeen");

    public async Task<IActionResult> OnPostNoteAsync(int id, int noteId, int? questionId, string? knowledgeSource)
    {
        if (!TryParse(knowledgeSource, out var source)) return Done(id, Outcome<Thread.Idea>.Invalid("KnowledgeSource", "Kies een kennisbron uit de lijst."));
        var outcome = await make.FromNoteAsync(id, noteId, questionId, source, HttpContext.RequestAborted);
        return Done(id, outcome);
    }

    public async Task<IActionResult> OnPostClusterAsync(int id, int clusterId, int? questionId, string? knowledgeSource)
    {
        if (!TryParse(knowledgeSource, out var source)) return Done(id, Outcome<Thread.Idea>.Invalid("KnowledgeSource", "Kies een kennisbron uit de lijst."));
        var outcome = await make.FromClusterAsync(id, clusterId, questionId, source, HttpContext.RequestAborted);
        return Done(id, outcome);
    }

    /// <summary>Empty means "work it out"; anything else must be one of the three knowledge sources.</summary>
    private static bool TryParse(string? value, out Perspective? source)
    {
        source = null;
        if (string.IsNullOrEmpty(value)) return true;
        if (!Enum.TryParse<Perspective>(value, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)) return false;
        source = parsed;
        return true;
    }

    private IActionResult Done(int id, Outcome<Thread.Idea> outcome)
    {
        if (outcome.Status is OutcomeStatus.NotFound or OutcomeStatus.Forbidden) return this.Fail(outcome, l);
        if (outcome.IsOk)
        {
            this.Flash("Het idee staat nu op de rode draad van het project.");
        }
        else
        {
            // The messages have no arguments; the layout shows the key in the reader's language.
            TempData["Message"] = outcome.Errors[0].Message;
        }
        return Redirect($"/sessies/{id}#ideeen");
    }
}
