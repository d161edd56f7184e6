using Proeftuin.Features.Experiments;
using Proeftuin.Features.Feedback;
using Proeftuin.Web;

namespace Proeftuin.Tests.Feedback;

public sealed record SeededForm(int Id, string Token, IReadOnlyList<int> Questions);

/// <summary>Feedback forms, responses, slips and observations straight into the database.</summary>
public static class FeedbackData
{
    /// <summary>A form with three questions: a scale, a choice (Ja / Nee / Weet ik niet) and an open one.</summary>
    public static Task<SeededForm> FormAsync(this ProeftuinFactory factory, int projectId, int experimentId, string title = "Hoe was de buurtkamer?",
        bool open = true, bool slips = false, string? createdById = null) =>
        factory.WithDbAsync(async db =>
        {
            var form = new FeedbackForm
            {
                ProjectId = projectId,
                ExperimentId = experimentId,
                Title = title,
                Intro = "Wat vond je van de zondag?",
                ShareToken = Tokens.New(),
                IsOpen = open,
                SlipsRequired = slips,
                CreatedById = createdById,
                CreatedAt = DateTime.UtcNow,
                Questions =
                [
                    new FeedbackQuestion { Position = 0, Kind = FeedbackQuestionKind.Scale, Text = "Hoe welkom voelde je je?" },
                    new FeedbackQuestion { Position = 1, Kind = FeedbackQuestionKind.Choice, Text = "Kom je nog eens?", Options = "Ja\nNee\nWeet ik niet" },
                    new FeedbackQuestion { Position = 2, Kind = FeedbackQuestionKind.Open, Text = "Wat kan beter?" },
                ],
            };
            db.Add(form);
            await db.SaveChangesAsync();
            return new SeededForm(form.Id, form.ShareToken, [.. form.Questions.Select(q => q.Id)]);
        });

    public static Task<int> ResponseAsync(this ProeftuinFactory factory, SeededForm form, int scale = 4, int choice = 0, string text = "Meer koffie", Perspective? perspective = Perspective.Experience) =>
        factory.WithDbAsync(async db =>
        {
            var r = new FeedbackResponse
            {
                FormId = form.Id,
                SubmittedAt = DateTime.UtcNow,
                Perspective = perspective,
                Answers =
                [
                    new FeedbackAnswer { QuestionId = form.Questions[0], Number = scale },
                    new FeedbackAnswer { QuestionId = form.Questions[1], Number = choice },
                    new FeedbackAnswer { QuestionId = form.Questions[2], Text = text },
                ],
            };
            db.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });

    public static Task<IReadOnlyList<string>> SlipsAsync(this ProeftuinFactory factory, int formId, int count) =>
        factory.WithDbAsync(async db =>
        {
            var codes = Enumerable.Range(0, count).Select(_ => ManageFeedbackForms.NewCode()).Distinct().ToList();
            foreach (var c in codes) db.Add(new FeedbackSlip { FormId = formId, Code = c, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (IReadOnlyList<string>)codes;
        });

    public static Task<int> ObservationAsync(this ProeftuinFactory factory, int projectId, int experimentId, string text = "Mevrouw Jansen kwam met haar buurvrouw.") =>
        factory.WithDbAsync(async db =>
        {
            var o = new Observation
            {
                ProjectId = projectId,
                ExperimentId = experimentId,
                Title = text,
                Text = text,
                Html = $"<p>{text}</p>",
                ObservedOn = DateOnly.FromDateTime(DateTime.UtcNow),
                KnowledgeSource = Perspective.Professional,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
                SearchTerms = " " + text.ToLowerInvariant() + " ",
            };
            db.Items.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });

    public static Task<int> ResponseCountAsync(this ProeftuinFactory factory, int formId) =>
        factory.WithDbAsync(db => db.Set<FeedbackResponse>().CountAsync(r => r.FormId == formId));
}
