using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Feedback;

/// <summary>What a participant sees: the form's own words only (never the project or the team).</summary>
public sealed record ParticipantForm(int Id, string Title, string Intro, bool IsOpen, bool SlipsRequired, bool Full, IReadOnlyList<FeedbackQuestion> Questions);

/// <summary>One answer as posted: the value of the radio button or the text.</summary>
public sealed record FeedbackAnswerInput(int QuestionId, string? Value);

public sealed record FeedbackResponseInput(string? Code, Perspective? Perspective, IReadOnlyList<FeedbackAnswerInput> Answers);

/// <summary>
/// A test participant answers a form through its link, without an account. A closed form, a full form (the
/// configured maximum), a missing, unknown or used slip code are refused with a Dutch message; the slip is used and the
/// answers saved in one transaction, so nothing is half-saved.
/// </summary>
public sealed class AnswerFeedback(AppDbContext db, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    public async Task<ParticipantForm?> FormAsync(string? token, CancellationToken ct = default)
    {
        if (!Tokens.LooksValid(token)) return null;
        var form = await db.Set<FeedbackForm>().AsNoTracking().Include(f => f.Questions).FirstOrDefaultAsync(f => f.ShareToken == token, ct);
        if (form is null) return null;
        var count = await db.Set<FeedbackResponse>().CountAsync(r => r.FormId == form.Id, ct);
        return new ParticipantForm(form.Id, form.Title, form.Intro, form.IsOpen, form.SlipsRequired, count >= options.Value.MaxResponsesPerForm,
            [.. form.Questions.OrderBy(q => q.Position).ThenBy(q => q.Id)]);
    }

    public async Task<Outcome<FeedbackResponse>> RunAsync(string? token, FeedbackResponseInput input, CancellationToken ct = default)
    {
        var form = await FormAsync(token, ct);
        if (form is null) return Outcome<FeedbackResponse>.NotFound();
        if (!form.IsOpen) return Outcome<FeedbackResponse>.Invalid("", "Dit formulier is gesloten. Je kunt het niet meer invullen.");
        if (form.Full) return Outcome<FeedbackResponse>.Invalid("", "Dit formulier is vol: er zijn genoeg antwoorden. Dank je wel voor je moeite.");
        var v = new Validation();
        string? code = null;
        if (form.SlipsRequired)
        {
            code = ManageFeedbackForms.NormalizeCode(input.Code);
            if (string.IsNullOrWhiteSpace(input.Code)) v.Add("Code", "Vul de code van je kaartje in.");
            else if (code is null) v.Add("Code", "Deze code bestaat niet. Kijk of je de code goed hebt overgetypt.");
        }
        if (input.Perspective is { } perspective && !Enum.IsDefined(perspective))
            v.Add("Perspective", "Kies een van de antwoorden, of sla de vraag over.");
        var answers = new List<FeedbackAnswer>();
        var given = (input.Answers ?? []).GroupBy(a => a.QuestionId).ToDictionary(g => g.Key, g => g.Last().Value);
        foreach (var (q, i) in form.Questions.Select((q, i) => (q, i)))
        {
            var field = $"Answers[{i}].Value";
            var raw = given.GetValueOrDefault(q.Id);
            if (string.IsNullOrWhiteSpace(raw)) continue;
            switch (q.Kind)
            {
                case FeedbackQuestionKind.Scale:
                    if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5)
                        answers.Add(new FeedbackAnswer { QuestionId = q.Id, Number = n });
                    else v.Add(field, "Kies een cijfer van 1 tot en met 5.");
                    break;
                case FeedbackQuestionKind.Choice:
                    if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var o) && o >= 0 && o < q.OptionList.Count)
                        answers.Add(new FeedbackAnswer { QuestionId = q.Id, Number = o });
                    else v.Add(field, "Kies een van de antwoorden.");
                    break;
                default:
                    var text = v.Text(field, raw, FeedbackLimits.Answer, required: false, label: "je antwoord");
                    if (text.Length > 0 && v.IsValid) answers.Add(new FeedbackAnswer { QuestionId = q.Id, Text = text });
                    break;
            }
        }
        if (v.IsValid && answers.Count == 0) v.Add("", "Je hebt nog niets ingevuld. Beantwoord minstens één vraag.");
        if (!v.IsValid) return v;

        var response = new FeedbackResponse { FormId = form.Id, SubmittedAt = clock.GetUtcNow().UtcDateTime, Perspective = input.Perspective, Answers = answers };
        return await db.InTransactionAsync(async (transaction, ct) =>
        {
            if (code is not null)
            {
                var slip = await db.Set<FeedbackSlip>().AsNoTracking().Where(s => s.FormId == form.Id && s.Code == code).Select(s => new { s.Id, s.UsedAt }).FirstOrDefaultAsync(ct);
                if (slip is null) return Outcome<FeedbackResponse>.Invalid("Code", "Deze code bestaat niet. Kijk of je de code goed hebt overgetypt.");
                if (slip.UsedAt is not null) return Outcome<FeedbackResponse>.Invalid("Code", "Deze code is al gebruikt. Elk kaartje werkt maar één keer. Vraag een nieuw kaartje.");
                // Claim the slip: only one request can change it from unused to used.
                var claimed = await db.Set<FeedbackSlip>().Where(s => s.Id == slip.Id && s.UsedAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.UsedAt, response.SubmittedAt), ct);
                if (claimed == 0) return Outcome<FeedbackResponse>.Invalid("Code", "Deze code is al gebruikt. Elk kaartje werkt maar één keer. Vraag een nieuw kaartje.");
                response.SlipId = slip.Id;
            }
            if (await db.Set<FeedbackResponse>().CountAsync(r => r.FormId == form.Id, ct) >= options.Value.MaxResponsesPerForm)
                return Outcome<FeedbackResponse>.Invalid("", "Dit formulier is vol: er zijn genoeg antwoorden. Dank je wel voor je moeite.");
            db.Add(response);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Outcome<FeedbackResponse>.Ok(response);
        }, ct);
    }
}
