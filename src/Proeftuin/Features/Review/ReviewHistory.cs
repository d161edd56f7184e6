using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;

namespace Proeftuin.Features.Review;

/// <summary>Review advice as the gate history keeps it, with the decision that took it (the same for every reader).</summary>
public sealed record GivenReview(string? Author, string Html, int? AboutId, string? AboutTitle, DateTime CreatedAt)
{
    public string? AboutUrl => AboutId is { } id ? $"/leeragenda/{id}" : null;
}

/// <summary>The review advice attached to gate decisions, for Features/Gates/GetGateHistory: one query for all of them.</summary>
public static class ReviewHistory
{
    public static async Task<ILookup<int, GivenReview>> ReadAttachedAsync(AppDbContext db, int projectId, IReadOnlyCollection<int> decisionIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<ReviewAdvice>().AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.GateDecisionId != null && decisionIds.Contains(a.GateDecisionId.Value))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                DecisionId = a.GateDecisionId!.Value,
                Author = a.Author == null ? null : a.Author.DisplayName,
                a.Html,
                a.AboutQuestionId,
                AboutTitle = a.AboutQuestionId == null ? null : db.Items.Where(i => i.Id == a.AboutQuestionId).Select(i => i.Title).FirstOrDefault(),
                a.CreatedAt,
            })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.DecisionId, r => new GivenReview(r.Author, r.Html, r.AboutQuestionId, r.AboutTitle, r.CreatedAt));
    }
}
