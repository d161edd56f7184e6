using Proeftuin.Web;

namespace Proeftuin.Features.Review;

/// <summary>
/// Who reads and writes on the review board (issue 13, ADR 0035). Every member of the project (observers and external
/// reviewers too) and admins read it: it is the same advice that already shows to members with the gate decisions, and
/// reflexive monitoring is done with the team, not behind its back. Only evaluators and external reviewers write advice;
/// facilitators decide at the gate with the advice beside the form. Non-members: 404 for a members-only project, 403
/// (or sign-in) for an open one.
/// </summary>
public static class ReviewRules
{
    public const string Finished = "Dit project is gestopt. Er komt geen volgend besluit over de fase meer, dus ook geen advies.";

    public static bool MayRead(ProjectPermissions p) => p.IsMember || p.IsAdmin;

    public static bool MayWrite(ProjectPermissions p) => p.CanReview;

    /// <summary>The author withdraws their own advice while it is open.</summary>
    public static bool MayWithdraw(ProjectPermissions p, string? authorId) => MayWrite(p) && authorId is not null && authorId == p.UserId;

    public static string PagePath(int projectId) => $"/projecten/{projectId}/review";
}
