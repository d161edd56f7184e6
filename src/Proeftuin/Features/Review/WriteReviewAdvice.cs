using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Learning;
using Proeftuin.Features.Members;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Review;

/// <summary>Text: Markdown. AboutId: one of the project's learning questions, or null.</summary>
public sealed record ReviewAdviceInput(string? Text, int? AboutId);

/// <summary>
/// An evaluator or external reviewer writes advice for the project's next gate (issue 13). It is stored with the
/// project's current phase and stays open until the next gate decision attaches it (Features/Gates/DecideGate). The
/// project's facilitators get a melding; the audit log keeps that advice was given (never its text). The author may
/// withdraw their own advice while it is open.
/// </summary>
public sealed class WriteReviewAdvice(AppDbContext db, ProjectAccess access, Caller user, Markdown markdown, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ReviewAdvice>> RunAsync(int projectId, ReviewAdviceInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return Outcome<ReviewAdvice>.NotFound();
        if (!ReviewRules.MayWrite(p)) return Outcome<ReviewAdvice>.Forbidden();

        var project = await db.Projects.AsNoTracking().Where(x => x.Id == projectId).Select(x => new { x.Title, x.Phase, x.Status }).FirstAsync(ct);
        if (project.Status == ProjectStatus.Finished) return Outcome<ReviewAdvice>.Invalid("Text", ReviewRules.Finished);

        var v = new Validation();
        var text = v.Text("Text", input.Text, ReviewLimits.Text, label: "je advies");
        if (input.AboutId is { } about
            && !await db.Items.OfType<LearningQuestion>().AnyAsync(q => q.Id == about && q.ProjectId == projectId, ct))
            v.Add("AboutId", "Kies een leervraag uit de lijst, of geen.");
        if (!v.IsValid) return v;

        var now = clock.GetUtcNow().UtcDateTime;
        var advice = new ReviewAdvice
        {
            ProjectId = projectId,
            AuthorId = user.Id,
            Phase = project.Phase,
            AboutQuestionId = input.AboutId,
            Text = text,
            Html = markdown.ToSafeHtml(text),
            CreatedAt = now,
        };
        // The audit entry names the advice by its id: saved first, with the meldingen and the entry in the same transaction.
        return await db.InTransactionAsync(async (tx, ct) =>
        {
            db.Set<ReviewAdvice>().Add(advice);
            await db.SaveChangesAsync(ct);

            var facilitators = await db.Memberships.AsNoTracking()
                .Where(m => m.ProjectId == projectId && m.Role == ProjectRole.Facilitator && m.UserId != user.Id)
                .Select(m => m.UserId).ToListAsync(ct);
            var title = project.Title.Length > 120 ? project.Title[..120] + " …" : project.Title;
            foreach (var id in facilitators)
                db.Notifications.Add(new Notification { UserId = id, Text = $"Er is nieuw advies voor het volgende besluit over de fase van het project „{title}”.", Url = ReviewRules.PagePath(projectId), CreatedAt = now });
            audit.Add(AuditAction.ReviewAdviceGiven, projectId, AuditSubjects.ReviewAdvice, advice.Id.ToString(CultureInfo.InvariantCulture),
                detail: ProjectSlugs.Phase.Of(advice.Phase));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Outcome<ReviewAdvice>.Ok(advice);
        }, ct);
    }

    /// <summary>The author takes back their own open advice; once a gate decision has it, it stays.</summary>
    public async Task<Outcome<ReviewAdvice>> WithdrawAsync(int projectId, int adviceId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return Outcome<ReviewAdvice>.NotFound();
        if (!ReviewRules.MayRead(p)) return Outcome<ReviewAdvice>.Forbidden();
        var advice = await db.Set<ReviewAdvice>().FirstOrDefaultAsync(a => a.Id == adviceId && a.ProjectId == projectId, ct);
        if (advice is null) return Outcome<ReviewAdvice>.NotFound();
        if (!ReviewRules.MayWithdraw(p, advice.AuthorId)) return Outcome<ReviewAdvice>.Forbidden();
        if (advice.GateDecisionId is not null)
            return Outcome<ReviewAdvice>.Invalid("", "Over deze fase is al besloten. Het advies hoort nu bij dat besluit en blijft staan.");
        db.Set<ReviewAdvice>().Remove(advice);
        audit.Add(AuditAction.ReviewAdviceWithdrawn, projectId, AuditSubjects.ReviewAdvice, advice.Id.ToString(CultureInfo.InvariantCulture),
            detail: ProjectSlugs.Phase.Of(advice.Phase));
        await db.SaveChangesAsync(ct);
        return Outcome<ReviewAdvice>.Ok(advice);
    }
}
