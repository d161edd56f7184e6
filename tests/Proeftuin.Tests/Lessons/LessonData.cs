using Proeftuin.Features.Lessons;

namespace Proeftuin.Tests.Lessons;

/// <summary>Lessons straight into the database, as SaveLesson makes them.</summary>
public static class LessonData
{
    public static Task<int> LessonAsync(this ProeftuinFactory factory, int projectId, string title, LessonVisibility visibility,
        string text = "Wat we leerden.", string context = "Ouderen in de wijk.", LessonResult result = LessonResult.Worked,
        Domains domains = Domains.Care, string? authorId = null, DateTime? at = null) =>
        factory.WithDbAsync(async db =>
        {
            var now = at ?? DateTime.UtcNow;
            var lesson = new Lesson
            {
                ProjectId = projectId,
                Title = title,
                Text = text,
                Html = "<p>" + System.Net.WebUtility.HtmlEncode(text) + "</p>",
                Context = context,
                Result = result,
                Visibility = visibility,
                PublishedAt = visibility == LessonVisibility.Public ? now : null,
                Domains = domains,
                Phase = Phase.Test,
                AuthorId = authorId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            lesson.RefreshSearchTerms();
            db.Items.Add(lesson);
            await db.SaveChangesAsync();
            return lesson.Id;
        });
}
