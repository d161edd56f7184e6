using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Feedback;

/// <summary>/proeven/{id}/feedback: the feedback forms of a proef, for the team (observers read).</summary>
[Authorize]
public sealed class IndexModel(ManageFeedbackForms manage, IStringLocalizer<SharedResource> l) : PageModel
{
    public FeedbackContext Context { get; private set; } = null!;
    public IReadOnlyList<FeedbackFormSummary> Forms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var outcome = await manage.ListAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        (Context, Forms) = outcome.Value;
        return Page();
    }
}

public sealed class QuestionForm
{
    public FeedbackQuestionKind? Kind { get; set; }
    public string? Text { get; set; }
    public string? Options { get; set; }
}

public sealed class FeedbackFormForm
{
    public string? Title { get; set; }
    public string? Intro { get; set; }
    public bool SlipsRequired { get; set; }
    public List<QuestionForm> Questions { get; set; } = [];

    public void Pad()
    {
        while (Questions.Count < FeedbackLimits.MaxQuestions) Questions.Add(new QuestionForm { Kind = Questions.Count < 2 ? FeedbackQuestionKind.Scale : FeedbackQuestionKind.Open });
    }

    public FeedbackFormInput ToInput() => new(Title, Intro, SlipsRequired, [.. Questions.Select(q => new FeedbackQuestionInput(q.Kind, q.Text, q.Options))]);
}

/// <summary>/proeven/{id}/feedback/nieuw: a team member makes a feedback form of 3 to 7 questions.</summary>
[Authorize]
public sealed class NewModel(FeedbackAccess access, CreateFeedbackForm create, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public FeedbackFormForm Input { get; set; } = new();
    public FeedbackContext Context { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var allowed = await access.ForExperimentAsync(id, edit: true, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Context = allowed.Value!;
        Input.Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var allowed = await access.ForExperimentAsync(id, edit: true, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Context = allowed.Value!;
        if (Input.Questions.Count > FeedbackLimits.MaxQuestions * 2) Input.Questions = [.. Input.Questions.Take(FeedbackLimits.MaxQuestions * 2 + 1)];
        if (!ModelState.IsValid) { Input.Pad(); return Page(); }
        var outcome = await create.RunAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        Input.Pad();
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Het formulier is gemaakt en staat open. Deel de link of de QR-code met de deelnemers.");
        return Redirect($"/feedback/{outcome.Value!.Id}");
    }
}

/// <summary>/feedback/{id}: one form with its questions, share link and QR code; the team opens and closes it.</summary>
[Authorize]
public sealed class DetailsModel(ManageFeedbackForms manage, IStringLocalizer<SharedResource> l) : PageModel
{
    public FeedbackFormView View { get; private set; } = null!;
    public string? StatusError { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var outcome = await manage.GetAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        View = outcome.Value!;
        return Page();
    }

    public Task<IActionResult> OnPostOpenAsync(int id) => SetAsync(id, true);

    public Task<IActionResult> OnPostCloseAsync(int id) => SetAsync(id, false);

    private async Task<IActionResult> SetAsync(int id, bool open)
    {
        var outcome = await manage.SetOpenAsync(id, open, HttpContext.RequestAborted);
        if (outcome.Status == OutcomeStatus.Invalid)
        {
            StatusError = outcome.Errors[0].Localize(l);
            ModelState.AddModelError("", StatusError);
            return await OnGetAsync(id);
        }
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash(open ? "Het formulier staat weer open." : "Het formulier is gesloten. Niemand kan het nu nog invullen.");
        return Redirect($"/feedback/{id}");
    }
}

/// <summary>/feedback/{id}/briefjes: printable one-time slips, each with a QR code and a short code; the team makes more.</summary>
[Authorize]
public sealed class SlipsModel(ManageFeedbackForms manage, IStringLocalizer<SharedResource> l) : PageModel
{
    public FeedbackFormView View { get; private set; } = null!;
    [BindProperty] public string? Count { get; set; }

    public string SlipUrl(string code) => View.ShareUrl + "?code=" + code;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Response.Headers.CacheControl = "no-store";
        var outcome = await manage.GetAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        View = outcome.Value!;
        Count ??= "10";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var made = await manage.MakeSlipsAsync(id, Count, HttpContext.RequestAborted);
        if (made.Status == OutcomeStatus.Invalid)
        {
            var view = await manage.GetAsync(id, HttpContext.RequestAborted);
            if (!view.IsOk) return this.Fail(view, l);
            View = view.Value!;
            return this.Fail(made, l, prefix: "");
        }
        if (!made.IsOk) return this.Fail(made, l);
        this.Flash(made.Value == 1 ? "Er is 1 kaartje gemaakt." : "Er zijn nieuwe kaartjes gemaakt.");
        return Redirect($"/feedback/{id}/briefjes");
    }
}

/// <summary>/feedback/{id}/antwoorden: the answers counted per question (chart and table), open answers, evidence links.</summary>
[Authorize]
public sealed class ResultsModel(FeedbackResults results, IStringLocalizer<SharedResource> l) : PageModel
{
    public FeedbackResultsView View { get; private set; } = null!;
    [BindProperty] public int? ResponseId { get; set; }
    [BindProperty] public int? ObservationId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Response.Headers.CacheControl = "no-store";
        var outcome = await results.RunAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        View = outcome.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var linked = await results.LinkAsync(id, ResponseId, ObservationId, HttpContext.RequestAborted);
        if (linked.Status == OutcomeStatus.Invalid)
        {
            var view = await results.RunAsync(id, HttpContext.RequestAborted);
            if (!view.IsOk) return this.Fail(view, l);
            View = view.Value!;
            return this.Fail(linked, l, prefix: "");
        }
        if (!linked.IsOk) return this.Fail(linked, l);
        this.Flash("Het antwoord is gekoppeld als bewijs bij de observatie.");
        return Redirect($"/feedback/{id}/antwoorden#antwoord-{linked.Value!.ResponseId.ToString(CultureInfo.InvariantCulture)}");
    }
}

public sealed class ParticipantAnswer
{
    public int QuestionId { get; set; }
    public string? Value { get; set; }
}

/// <summary>
/// /f/{token}: a test participant answers the form, without an account, on a phone. A slip's code comes in the link
/// (?code=) or is typed. Posting is rate-limited per address; a wrong link is a friendly 404.
/// </summary>
[EnableRateLimiting(RateLimits.Feedback)]
public sealed class AnswerModel(AnswerFeedback answer, IStringLocalizer<SharedResource> l) : PageModel
{
    public ParticipantForm? Form { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public Perspective? Perspective { get; set; }
    [BindProperty] public List<ParticipantAnswer> Answers { get; set; } = [];

    public string? ValueOf(int questionId) => Answers.FirstOrDefault(a => a.QuestionId == questionId)?.Value;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        Response.Headers.CacheControl = "no-store";
        Form = await answer.FormAsync(token, HttpContext.RequestAborted);
        if (Form is null) return new PageResult { StatusCode = StatusCodes.Status404NotFound };
        if (Code is { Length: > 40 }) Code = null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        Response.Headers.CacheControl = "no-store";
        Form = await answer.FormAsync(token, HttpContext.RequestAborted);
        if (Form is null) return new PageResult { StatusCode = StatusCodes.Status404NotFound };
        if (Answers.Count > FeedbackLimits.MaxQuestions * 2) Answers = [.. Answers.Take(FeedbackLimits.MaxQuestions * 2)];
        if (!ModelState.IsValid) return Page();
        var outcome = await answer.RunAsync(token, new FeedbackResponseInput(Code, Perspective, [.. Answers.Select(a => new FeedbackAnswerInput(a.QuestionId, a.Value))]),
            HttpContext.RequestAborted);
        if (outcome.Status == OutcomeStatus.NotFound) return new PageResult { StatusCode = StatusCodes.Status404NotFound };
        if (!outcome.IsOk) return this.Fail(outcome, l, prefix: "");
        return Redirect("/f/bedankt");
    }
}

/// <summary>/f/bedankt: the thank-you page after answering.</summary>
public sealed class ThanksModel : PageModel
{
    public void OnGet() => Response.Headers.CacheControl = "no-store";
}

/// <summary>/projecten/{id}/feedback/export?format=csv|xlsx: the project's feedback answers as a file, for the team.</summary>
public sealed class ExportModel(ExportFeedback export, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? format) =>
        this.Download(await export.RunAsync(id, format, HttpContext.RequestAborted), l);
}
