using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Review;

/// <summary>
/// One review advice as a reader sees it. Author is null for who may not see member names, or when the account is gone;
/// About is the learning question it is about (title and page), if any; GateDecisionId is null while it is open.
/// </summary>
public sealed record ReviewAdviceView(int Id, string? AuthorId, string? Author, Phase Phase, int? AboutId, string? AboutTitle, string Text, string Html,
    DateTime CreatedAt, int? GateDecisionId, DateTime? DecidedAt, bool CanWithdraw)
{
    public bool IsOpen => GateDecisionId is null;
    public string? AboutUrl => AboutId is { } id ? $"/leeragenda/{id}" : null;
}

/// <summary>
/// The review advice of a project: for the review page, beside the gate form and in the API. One query whatever the
/// number of advice. NotFound when the project may not be read; Forbidden for who may not read the review board.
/// </summary>
public sealed class GetReviewAdvice(AppDbContext db, ProjectAccess access)
{
    public async Task<Outcome<IReadOnlyList<ReviewAdviceView>>> RunAsync(int projectId, bool openOnly = false, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return Outcome<IReadOnlyList<ReviewAdviceView>>.NotFound();
        if (!ReviewRules.MayRead(p)) return Outcome<IReadOnlyList<ReviewAdviceView>>.Forbidden();
        return Outcome<IReadOnlyList<ReviewAdviceView>>.Ok(await ReadAsync(db, p, projectId, openOnly, ct));
    }

    /// <summary>
    /// The advice of a project as this reader sees it, newest first: all of it, or the open advice only. The caller has
    /// checked <see cref="ReviewRules.MayRead"/>. (The gate history reads attached advice through <see cref="ReviewHistory"/>.)
    /// </summary>
    public static async Task<IReadOnlyList<ReviewAdviceView>> ReadAsync(AppDbContext db, ProjectPermissions p, int projectId, bool openOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(p);
        var query = db.Set<ReviewAdvice>().AsNoTracking().Where(a => a.ProjectId == projectId);
        if (openOnly) query = query.Where(a => a.GateDecisionId == null);
        var rows = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.AuthorId,
                Author = a.Author == null ? null : a.Author.DisplayName,
                a.Phase,
                a.AboutQuestionId,
                AboutTitle = a.AboutQuestionId == null ? null : db.Items.Where(i => i.Id == a.AboutQuestionId).Select(i => i.Title).FirstOrDefault(),
                a.Text,
                a.Html,
                a.CreatedAt,
                a.GateDecisionId,
                DecidedAt = a.Decision == null ? (DateTime?)null : a.Decision.At,
            })
            .ToListAsync(ct);
        var names = p.CanSeeMemberNames;
        return rows.Select(a => new ReviewAdviceView(a.Id, a.AuthorId, names ? a.Author : null, a.Phase, a.AboutQuestionId, a.AboutTitle, a.Text, a.Html,
            a.CreatedAt, a.GateDecisionId, a.DecidedAt, a.GateDecisionId is null && ReviewRules.MayWithdraw(p, a.AuthorId))).ToList();
    }
}

/// <summary>The model of _ReviewAdvice.cshtml: advice of one project, with a withdraw button where the reader may.</summary>
public sealed record ReviewAdviceList(int ProjectId, IReadOnlyList<ReviewAdviceView> Advice);
