using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Feedback;

/// <summary>One bar: an option (or a number on the scale) and how many chose it.</summary>
public sealed record FeedbackCount(string Label, int Count);

public sealed record FeedbackQuestionResult(FeedbackQuestion Question, int Number, int Answered, IReadOnlyList<FeedbackCount> Counts, IReadOnlyList<FeedbackOpenAnswer> OpenAnswers)
{
    public int Max => Counts.Count == 0 ? 0 : Counts.Max(c => c.Count);
}

public sealed record FeedbackOpenAnswer(int ResponseNumber, int ResponseId, string Text);

public sealed record FeedbackEvidenceView(int ObservationId, string ObservationTitle);

public sealed record FeedbackResponseView(int Id, int Number, DateTime SubmittedAt, Perspective? Perspective, IReadOnlyList<(int QuestionNumber, string Answer)> Answers,
    IReadOnlyList<FeedbackEvidenceView> Evidence);

public sealed record FeedbackObservationChoice(int Id, string Title, DateOnly ObservedOn);

public sealed record FeedbackResultsView(FeedbackForm Form, FeedbackContext Context, IReadOnlyList<FeedbackQuestionResult> Questions,
    IReadOnlyList<FeedbackResponseView> Responses, IReadOnlyList<FeedbackObservationChoice> Observations);

/// <summary>
/// The answers of one form for the team: counted per question (scale and choice), open answers listed, each response
/// with the observations it is evidence for; and a team member links a response to an observation of the same proef.
/// </summary>
public sealed class FeedbackResults(AppDbContext db, FeedbackAccess access, Caller user, TimeProvider clock)
{
    public async Task<Outcome<FeedbackResultsView>> RunAsync(int formId, CancellationToken ct = default)
    {
        var found = await access.ForFormAsync(formId, edit: false, ct: ct);
        if (!found.IsOk) return found.Status == OutcomeStatus.NotFound ? Outcome<FeedbackResultsView>.NotFound() : Outcome<FeedbackResultsView>.Forbidden();
        var (form, context) = found.Value;
        var responses = await db.Set<FeedbackResponse>().AsNoTracking().Include(r => r.Answers).Where(r => r.FormId == formId)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).ToListAsync(ct);
        var responseIds = responses.Select(r => r.Id).ToList();
        var evidence = (await db.Set<FeedbackEvidence>().AsNoTracking().Where(e => responseIds.Contains(e.ResponseId))
            .Join(db.Items.OfType<Observation>(), e => e.ObservationId, o => o.Id, (e, o) => new { e.ResponseId, o.Id, o.Title })
            .ToListAsync(ct)).ToLookup(e => e.ResponseId);
        var number = responses.Select((r, i) => (r.Id, i + 1)).ToDictionary(x => x.Id, x => x.Item2);
        var questions = new List<FeedbackQuestionResult>();
        foreach (var (q, i) in form.Questions.Select((q, i) => (q, i)))
        {
            var answers = responses.SelectMany(r => r.Answers.Where(a => a.QuestionId == q.Id).Select(a => (Response: r, Answer: a))).ToList();
            IReadOnlyList<FeedbackCount> counts = q.Kind switch
            {
                FeedbackQuestionKind.Scale => [.. Enumerable.Range(1, 5).Select(n => new FeedbackCount(n.ToString(CultureInfo.InvariantCulture), answers.Count(a => a.Answer.Number == n)))],
                FeedbackQuestionKind.Choice => [.. q.OptionList.Select((o, k) => new FeedbackCount(o, answers.Count(a => a.Answer.Number == k)))],
                _ => [],
            };
            var open = q.Kind == FeedbackQuestionKind.Open
                ? answers.Select(a => new FeedbackOpenAnswer(number[a.Response.Id], a.Response.Id, a.Answer.Text ?? "")).ToList()
                : [];
            questions.Add(new FeedbackQuestionResult(q, i + 1, answers.Count, counts, open));
        }
        var views = responses.Select(r => new FeedbackResponseView(r.Id, number[r.Id], r.SubmittedAt, r.Perspective,
            [.. form.Questions.Select((q, i) => (q, i)).SelectMany(x => r.Answers.Where(a => a.QuestionId == x.q.Id).Select(a => (x.i + 1, AnswerText(x.q, a))))],
            [.. evidence[r.Id].Select(e => new FeedbackEvidenceView(e.Id, e.Title))])).ToList();
        var observations = await db.Items.OfType<Observation>().AsNoTracking().Where(o => o.ExperimentId == form.ExperimentId)
            .OrderByDescending(o => o.ObservedOn).ThenByDescending(o => o.Id).Select(o => new FeedbackObservationChoice(o.Id, o.Title, o.ObservedOn)).ToListAsync(ct);
        return Outcome<FeedbackResultsView>.Ok(new FeedbackResultsView(form, context, questions, views, observations));
    }

    /// <summary>An answer as text: the number, the option or what was written.</summary>
    public static string AnswerText(FeedbackQuestion q, FeedbackAnswer a) => q.Kind switch
    {
        FeedbackQuestionKind.Scale => a.Number?.ToString(CultureInfo.InvariantCulture) ?? "",
        FeedbackQuestionKind.Choice => a.Number is { } k && k >= 0 && k < q.OptionList.Count ? q.OptionList[k] : "",
        _ => a.Text ?? "",
    };

    /// <summary>Links a response of this form to an observation of the form's proef (once; a second time is refused).</summary>
    public async Task<Outcome<FeedbackEvidence>> LinkAsync(int formId, int? responseId, int? observationId, CancellationToken ct = default)
    {
        var found = await access.ForFormAsync(formId, edit: true, ct: ct);
        if (!found.IsOk) return found.Status == OutcomeStatus.NotFound ? Outcome<FeedbackEvidence>.NotFound() : Outcome<FeedbackEvidence>.Forbidden();
        var form = found.Value.Form;
        var v = new Validation();
        if (responseId is not { } rid || !await db.Set<FeedbackResponse>().AnyAsync(r => r.Id == rid && r.FormId == formId, ct))
            v.Add("ResponseId", "Kies een antwoord van dit formulier.");
        if (observationId is not { } oid || !await db.Items.OfType<Observation>().AnyAsync(o => o.Id == oid && o.ExperimentId == form.ExperimentId, ct))
            v.Add("ObservationId", "Kies een observatie van deze proef.");
        if (!v.IsValid) return v;
        if (await db.Set<FeedbackEvidence>().AnyAsync(e => e.ResponseId == responseId && e.ObservationId == observationId, ct))
            return Outcome<FeedbackEvidence>.Invalid("ObservationId", "Dit antwoord is al bewijs bij deze observatie.");
        var link = new FeedbackEvidence { ResponseId = responseId!.Value, ObservationId = observationId!.Value, LinkedById = user.Id, LinkedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(link);
        await db.SaveChangesAsync(ct);
        return Outcome<FeedbackEvidence>.Ok(link);
    }
}

/// <summary>Bewijs uit feedback, for the proef page: per observation, the responses linked to it (only for who may read the answers).</summary>
public sealed class FeedbackEvidenceLookup(AppDbContext db)
{
    public sealed record Item(int FormId, string FormTitle, int ResponseId);

    public async Task<ILookup<int, Item>> ForExperimentAsync(int experimentId, ProjectPermissions permissions, CancellationToken ct = default)
    {
        if (!permissions.CanSeeWorkspace) return Array.Empty<(int, Item)>().ToLookup(x => x.Item1, x => x.Item2);
        var rows = await db.Set<FeedbackEvidence>().AsNoTracking()
            .Join(db.Set<FeedbackResponse>(), e => e.ResponseId, r => r.Id, (e, r) => new { e.ObservationId, r.FormId, ResponseId = r.Id })
            .Join(db.Set<FeedbackForm>(), x => x.FormId, f => f.Id, (x, f) => new { x.ObservationId, x.FormId, f.Title, x.ResponseId, f.ExperimentId })
            .Where(x => x.ExperimentId == experimentId)
            .OrderBy(x => x.ResponseId)
            .ToListAsync(ct);
        return rows.ToLookup(x => x.ObservationId, x => new Item(x.FormId, x.Title, x.ResponseId));
    }
}
