using Proeftuin.Features.Reflections;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Reflections;

/// <summary>Reflections straight into the database, for tests that need one to exist.</summary>
public static class ReflectionData
{
    public static Task<(int Id, IReadOnlyList<int> PromptIds)> ReflectionAsync(this ProeftuinFactory factory, int projectId, string title = "Terugkijken",
        string? authorId = null, ReflectionStatus status = ReflectionStatus.Planned) =>
        factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var reflection = new Reflection
            {
                ProjectId = projectId,
                Title = title,
                HeldOn = DateOnly.FromDateTime(now),
                Status = status,
                AuthorId = authorId,
                CreatedAt = now,
                UpdatedAt = now,
                SearchTerms = DutchStems.ToSearchTerms(title, ""),
                Outcome = status == ReflectionStatus.Done ? "We leerden veel." : "",
                OutcomeHtml = status == ReflectionStatus.Done ? "<p>We leerden veel.</p>" : "",
                ClosedAt = status == ReflectionStatus.Done ? now : null,
                Prompts = ReflectionPrompt.InOrder(ReflectionLimits.DefaultPrompts),
            };
            db.Items.Add(reflection);
            await db.SaveChangesAsync();
            return (reflection.Id, (IReadOnlyList<int>)[.. reflection.Prompts.OrderBy(p => p.Position).Select(p => p.Id)]);
        });

    public static Task<int> AnswerAsync(this ProeftuinFactory factory, int reflectionId, int promptId, string userId, string text, Perspective perspective = Perspective.Experience) =>
        factory.WithDbAsync(async db =>
        {
            var answer = new ReflectionAnswer { ReflectionId = reflectionId, PromptId = promptId, UserId = userId, Text = text, Perspective = perspective, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Add(answer);
            await db.SaveChangesAsync();
            return answer.Id;
        });
}
