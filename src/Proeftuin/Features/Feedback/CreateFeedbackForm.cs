using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Feedback;

public sealed record FeedbackQuestionInput(FeedbackQuestionKind? Kind, string? Text, string? Options);

public sealed record FeedbackFormInput(string? Title, string? Intro, bool SlipsRequired, IReadOnlyList<FeedbackQuestionInput> Questions);

/// <summary>A team member makes a feedback form for a proef: 3 to 7 questions (scale, choice with options, open). It starts open.</summary>
public sealed class CreateFeedbackForm(AppDbContext db, FeedbackAccess access, Caller user, TimeProvider clock)
{
    public async Task<Outcome<FeedbackForm>> RunAsync(int experimentId, FeedbackFormInput input, CancellationToken ct = default)
    {
        var context = await access.ForExperimentAsync(experimentId, edit: true, ct);
        if (!context.IsOk) return context.Status == OutcomeStatus.NotFound ? Outcome<FeedbackForm>.NotFound() : Outcome<FeedbackForm>.Forbidden();
        var v = new Validation();
        var title = v.Text("Title", input.Title, FeedbackLimits.Title, label: "de titel");
        var intro = v.Text("Intro", input.Intro, FeedbackLimits.Intro, required: false, label: "de korte uitleg");
        var questions = Questions(v, input.Questions);
        if (!v.IsValid) return v;
        var form = new FeedbackForm
        {
            ProjectId = context.Value!.ProjectId,
            ExperimentId = experimentId,
            Title = title,
            Intro = intro,
            ShareToken = Tokens.New(),
            IsOpen = true,
            SlipsRequired = input.SlipsRequired,
            CreatedById = user.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Questions = questions,
        };
        db.Add(form);
        await db.SaveChangesAsync(ct);
        return Outcome<FeedbackForm>.Ok(form);
    }

    /// <summary>Blank rows are left out; what is left must be 3 to 7 complete questions.</summary>
    internal static List<FeedbackQuestion> Questions(Validation v, IReadOnlyList<FeedbackQuestionInput>? rows)
    {
        var questions = new List<FeedbackQuestion>();
        rows ??= [];
        if (rows.Count > FeedbackLimits.MaxQuestions * 2)
        {
            v.Add("Questions", "Een formulier heeft hoogstens {0} vragen.", FeedbackLimits.MaxQuestions);
            return questions;
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (string.IsNullOrWhiteSpace(row.Text) && string.IsNullOrWhiteSpace(row.Options)) continue;
            var field = $"Questions[{i}]";
            var text = v.Text(field + ".Text", row.Text, FeedbackLimits.Question, label: "de vraag");
            if (row.Kind is not { } kind || !Enum.IsDefined(kind))
            {
                v.Add(field + ".Kind", "Kies wat voor vraag het is: een cijfer, een keuze of een open vraag.");
                continue;
            }
            var options = "";
            if (kind == FeedbackQuestionKind.Choice)
            {
                var raw = row.Options ?? "";
                var list = raw.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
                if (raw.Length > FeedbackLimits.OptionsText)
                    v.Add(field + ".Options", "De keuzes zijn te lang: maximaal {0} tekens samen.", FeedbackLimits.OptionsText);
                else if (list.Count < FeedbackLimits.MinOptions)
                    v.Add(field + ".Options", "Een keuzevraag heeft minstens {0} keuzes. Zet elke keuze op een eigen regel.", FeedbackLimits.MinOptions);
                else if (list.Count > FeedbackLimits.MaxOptions)
                    v.Add(field + ".Options", "Een keuzevraag heeft hoogstens {0} keuzes.", FeedbackLimits.MaxOptions);
                else if (list.Any(o => o.Length > FeedbackLimits.Option))
                    v.Add(field + ".Options", "Een keuze is te lang: maximaal {0} tekens per keuze.", FeedbackLimits.Option);
                else if (list.Any(Validation.HasControlCharacters))
                    v.Add(field + ".Options", "{0} bevat tekens die niet kunnen. Typ de tekst opnieuw.", "de keuzes");
                else
                    options = string.Join('\n', list);
            }
            questions.Add(new FeedbackQuestion { Position = questions.Count, Kind = kind, Text = text, Options = options });
        }
        if (questions.Count < FeedbackLimits.MinQuestions)
            v.Add("Questions", "Stel minstens {0} vragen. Nu zijn het er {1}.", FeedbackLimits.MinQuestions, questions.Count);
        else if (questions.Count > FeedbackLimits.MaxQuestions)
            v.Add("Questions", "Stel hoogstens {0} vragen. Nu zijn het er {1}.", FeedbackLimits.MaxQuestions, questions.Count);
        return questions;
    }
}
