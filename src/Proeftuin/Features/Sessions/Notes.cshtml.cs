using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// The session's plain-form pages (post-its, clusters, stippen): each POST calls the same use case as the hub, then
/// redirects back to the session page (PRG); a refusal shows the Dutch message on a small page with a way back.
/// </summary>
public abstract class SessionFormPage(IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    protected IActionResult Back(string anchor, string message)
    {
        this.Flash(message);
        return Redirect($"/sessies/{Id}#{anchor}");
    }

    /// <summary>NotFound → 404; Forbidden → 403 (everyone who gets this far may see the session); Invalid → this page with the message.</summary>
    protected IActionResult Refuse<T>(Outcome<T> outcome, string prefix = "Input") => outcome.Status switch
    {
        // Taken out by the facilitator: the session page says so (403 with the message).
        OutcomeStatus.NotFound or OutcomeStatus.Forbidden when HttpContext.RequestServices.GetRequiredService<SessionAccess>().IsRemovedFrom(Id) => Redirect($"/sessies/{Id}"),
        OutcomeStatus.NotFound => NotFound(),
        OutcomeStatus.Forbidden => StatusCode(StatusCodes.Status403Forbidden),
        _ => this.Fail(outcome, l, prefix),
    };
}

public sealed class NoteForm
{
    public string? Text { get; set; }
}

/// <summary>/sessies/{id}/post-its: add, edit and delete a post-it without JavaScript; GET with a note id shows its edit form.</summary>
public sealed class NotesModel(WriteNote notes, SessionAccess access, AppDbContext db, IStringLocalizer<SharedResource> l) : SessionFormPage(l)
{
    [BindProperty(SupportsGet = true)] public int? NoteId { get; set; }
    [BindProperty] public NoteForm Input { get; set; } = new();
    public string? SessionTitle { get; private set; }
    public bool IsClosed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (NoteId is null) return Redirect($"/sessies/{Id}#post-its");
        var caller = await access.ForSessionAsync(Id, HttpContext.RequestAborted);
        if (caller?.Participant is not { } me) return NotFound();
        var note = await db.Notes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == NoteId && n.SessionId == Id && n.ParticipantId == me.Id, HttpContext.RequestAborted);
        if (note is null) return NotFound();
        Input.Text = note.Text;
        SessionTitle = caller.Session.Title;
        IsClosed = caller.Session.State == SessionState.Closed;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var outcome = await notes.AddAsync(Id, Input.Text, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await AgainAsync(outcome);
        return Back("post-its", "Je post-it is geplaatst.");
    }

    public async Task<IActionResult> OnPostEditAsync()
    {
        if (NoteId is not { } noteId) return NotFound();
        var outcome = await notes.EditAsync(Id, noteId, Input.Text, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await AgainAsync(outcome);
        return Back($"post-it-{noteId}", "Je post-it is aangepast.");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (NoteId is not { } noteId) return NotFound();
        var outcome = await notes.DeleteAsync(Id, noteId, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await AgainAsync(outcome);
        return Back("post-its", "De post-it is verwijderd.");
    }

    private async Task<IActionResult> AgainAsync<T>(Outcome<T> outcome)
    {
        var session = (await access.ForSessionAsync(Id, HttpContext.RequestAborted))?.Session;
        SessionTitle = session?.Title;
        IsClosed = session?.State == SessionState.Closed;
        return Refuse(outcome);
    }
}

/// <summary>
/// What the session page may offer around notes now; the use cases check the same again on every action. ReadOnly: the
/// wall screen, which shows the board without a single button. Dots: the stippen each note got in the last closed vote.
/// </summary>
public sealed record NoteBoard(SessionView View, SessionCaller Caller, IReadOnlyDictionary<int, int> Dots, bool ReadOnly = false)
{
    public NoteBoard(SessionModel page) : this(page.View, page.Caller, DotsFrom(page.Results)) { }

    public StepView? Step => View.Steps.FirstOrDefault(s => s.Id == View.CurrentStepId);
    // The caller's named rules (SessionCaller); the wall shows none of them.
    public bool CanWrite => !ReadOnly && Caller.CanWrite;
    public bool CanCluster => !ReadOnly && Caller.CanCluster;
    public bool CanMerge => !ReadOnly && Caller.CanModerate;
    public bool CanVote => !ReadOnly && Caller.CanVote;
    public bool CanModerate => !ReadOnly && Caller.CanModerate;
    /// <summary>The per-note rules, as computed into the note for this caller.</summary>
    public bool CanEdit(NoteView n) => !ReadOnly && n.CanEdit;
    public bool CanWithdraw(NoteView n) => !ReadOnly && n.CanWithdraw;
    public bool IsVisibleToAll(NoteView n) => NoteRules.IsRevealed(Caller.StepById(n.StepId));

    /// <summary>Clusters as columns: once there is a cluster, and always in a cluster or vote step.</summary>
    public bool IsBoard => View.Clusters.Count > 0 || Step is { Mode: StepMode.Cluster or StepMode.Vote };

    /// <summary>The raw stippen per note of the last closed vote (by step order); notes without any are left out.</summary>
    public static IReadOnlyDictionary<int, int> DotsFrom(IReadOnlyList<ResultsView> results) =>
        results.Count == 0 ? new Dictionary<int, int>() : results[^1].Rows.Where(r => r.Raw > 0).ToDictionary(r => r.NoteId, r => r.Raw);
}

/// <summary>One post-it on the session page.</summary>
public sealed record NoteCard(NoteBoard Board, NoteView Note);
