using Proeftuin.Features.Learning;

namespace Proeftuin.Tests.Learning;

/// <summary>Agenda items straight into the database, with their first version, as SaveAgendaItem makes them.</summary>
public static class LearningData
{
    public static Task<int> QuestionAsync(this ProeftuinFactory factory, int projectId, string title, string? authorId, string? ownerId = null) =>
        factory.AgendaItemAsync(projectId, new LearningQuestion { ForWhom = "Het wijkteam", OwnerId = ownerId }, title, authorId);

    public static Task<int> BarrierAsync(this ProeftuinFactory factory, int projectId, string title, string? authorId) =>
        factory.AgendaItemAsync(projectId, new SystemBarrier { WhoCanMove = "De wethouder" }, title, authorId);

    private static Task<int> AgendaItemAsync(this ProeftuinFactory factory, int projectId, Proeftuin.Features.Thread.ThreadItem item, string title, string? authorId) =>
        factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            item.ProjectId = projectId;
            item.Title = title;
            item.AuthorId = authorId;
            item.CreatedAt = item.UpdatedAt = now;
            item.SearchTerms = Proeftuin.Features.Thread.DutchStems.ToSearchTerms(title);
            db.Items.Add(item);
            db.Add(AgendaFields.Of(item).Version(item, 1, AgendaChange.Added, null, authorId, now));
            await db.SaveChangesAsync();
            return item.Id;
        });
}
