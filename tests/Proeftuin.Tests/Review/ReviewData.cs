using Proeftuin.Features.Accounts;
using Proeftuin.Features.Review;

namespace Proeftuin.Tests.Review;

/// <summary>Seeds for the review board tests, the authorization matrix and the hostile sweep.</summary>
public static class ReviewData
{
    /// <summary>A fresh user who is an external reviewer in the project: role Observer with the reviewer flag.</summary>
    public static async Task<AppUser> ReviewerAsync(ProeftuinFactory factory, int projectId)
    {
        var reviewer = await factory.Data.UserAsync(perspective: Perspective.Scientific, displayName: "Reviewer " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { ProjectId = projectId, UserId = reviewer.Id, Role = ProjectRole.Observer, Reviewer = true, Perspective = Perspective.Scientific, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        return reviewer;
    }

    /// <summary>Open review advice in the project (straight into the database), as WriteReviewAdvice stores it.</summary>
    public static Task<int> AdviceAsync(ProeftuinFactory factory, int projectId, string? authorId, string text = "Praat eerst met de bewoners zelf.") =>
        factory.WithDbAsync(async db =>
        {
            var phase = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Phase).SingleAsync();
            var advice = new ReviewAdvice { ProjectId = projectId, AuthorId = authorId, Phase = phase, Text = text, Html = $"<p>{text}</p>", CreatedAt = DateTime.UtcNow };
            db.Set<ReviewAdvice>().Add(advice);
            await db.SaveChangesAsync();
            return advice.Id;
        });

    public static string Page(int projectId) => $"/projecten/{projectId}/review";
}
