using Proeftuin.Features.Ideas;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Ideas;

/// <summary>Ideas, supports and status rows straight into the database, for the idea tests.</summary>
public static class IdeaData
{
    public static Task SupportAsync(this ProeftuinFactory factory, int ideaId, string? userId, Perspective perspective) =>
        factory.WithDbAsync(async db =>
        {
            var projectId = await db.Items.Where(i => i.Id == ideaId).Select(i => i.ProjectId).SingleAsync();
            db.Add(new IdeaSupport { IdeaId = ideaId, ProjectId = projectId, UserId = userId, Perspective = perspective, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

    public static Task<List<IdeaSupport>> SupportsAsync(this ProeftuinFactory factory, int ideaId) =>
        factory.WithDbAsync(db => db.Set<IdeaSupport>().AsNoTracking().Where(s => s.IdeaId == ideaId).OrderBy(s => s.Id).ToListAsync());

    public static Task<IdeaStatus> StatusAsync(this ProeftuinFactory factory, int ideaId) =>
        factory.WithDbAsync(db => db.Items.OfType<Idea>().Where(i => i.Id == ideaId).Select(i => i.Status).SingleAsync());

    public static Task<List<IdeaStatusChange>> HistoryAsync(this ProeftuinFactory factory, int ideaId) =>
        factory.WithDbAsync(db => db.Set<IdeaStatusChange>().AsNoTracking().Where(c => c.IdeaId == ideaId).OrderBy(c => c.Id).ToListAsync());

    /// <summary>Rows of the idea tables and audit entries: a refused request must leave all of them as they were.</summary>
    public static Task<(int Supports, int Changes, int Audit, IdeaStatus Status)> SnapshotAsync(this ProeftuinFactory factory, int ideaId) =>
        factory.WithDbAsync(async db => (
            await db.Set<IdeaSupport>().CountAsync(s => s.IdeaId == ideaId),
            await db.Set<IdeaStatusChange>().CountAsync(c => c.IdeaId == ideaId),
            await db.AuditEvents.CountAsync(),
            await db.Items.OfType<Idea>().Where(i => i.Id == ideaId).Select(i => i.Status).SingleAsync()));

    public static string Handler(int ideaId, string handler) => $"/ideeen/{ideaId}?handler={handler}";
}
