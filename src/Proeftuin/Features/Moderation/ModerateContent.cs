using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Notifications;
using Proeftuin.Web;

namespace Proeftuin.Features.Moderation;

/// <summary>Reason: what the author and the reporters are told. Text: only for an edit.</summary>
public sealed record ModerationInput(string? Reason, string? Text = null);

/// <summary>
/// A moderator hides, restores, edits (with a note shown beside the text) or keeps a contribution. In one transaction:
/// the change, the step in its history, the open reports closed with the outcome, a melding to each reporter and to
/// the author, and an audit entry (never the text).
/// </summary>
public sealed class ModerateContent(AppDbContext db, ModerationRules rules, Caller user, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ModeratedContent>> CanModerateAsync(string? kind, int id, CancellationToken ct = default)
    {
        var target = rules.Target(kind);
        var content = target is null ? null : await target.FindOneAsync(id, ct);
        if (content is null) return Outcome<ModeratedContent>.NotFound();
        // Who may not moderate it is not told it exists (or that it is hidden).
        return await rules.MayModerateAsync(content.ProjectId, ct) ? Outcome<ModeratedContent>.Ok(content) : Outcome<ModeratedContent>.NotFound();
    }

    public async Task<Outcome<ModerationAction>> RunAsync(string? kind, int id, ModerationStep step, ModerationInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var allowed = await CanModerateAsync(kind, id, ct);
        if (!allowed.IsOk) return Outcome<ModerationAction>.NotFound();
        var content = allowed.Value!;
        var target = rules.Target(kind)!;

        var v = new Validation();
        if (!Enum.IsDefined(step)) return Outcome<ModerationAction>.Invalid("", "Kies wat je met deze bijdrage doet.");
        var reason = v.Text("Reason", input.Reason, ModerationLimits.Reason, required: step is ModerationStep.Hidden or ModerationStep.Edited,
            label: step == ModerationStep.Edited ? "wat je hebt aangepast en waarom" : "de reden");
        string? text = null;
        if (step == ModerationStep.Edited)
        {
            text = v.Text("Text", input.Text, content.Kind == "reactie" ? Thread.ThreadLimits.Comment : Thread.ThreadLimits.Text, label: "de nieuwe tekst");
            if (v.IsValid && text == content.Text) v.Add("Text", "De tekst is niet veranderd. Pas de tekst aan, of kies ‘Laten staan’.");
        }
        if (step == ModerationStep.Hidden && content.HiddenAt is not null) v.Add("", "Dit is al verborgen.");
        if (step == ModerationStep.Restored && content.HiddenAt is null) v.Add("", "Dit is niet verborgen.");
        if (!v.IsValid) return v;

        var now = clock.GetUtcNow().UtcDateTime;
        return await db.InTransactionAsync(async (tx, ct) =>
        {
            var change = step switch
            {
                ModerationStep.Hidden => new ModerationChange(true, now, null, null),
                ModerationStep.Restored => new ModerationChange(false, now, null, null),
                ModerationStep.Edited => new ModerationChange(null, now, text, reason),
                _ => null,
            };
            if (change is not null) await target.ApplyAsync(id, change, ct);

            var action = new ModerationAction { TargetKind = content.Kind, TargetId = id, ProjectId = content.ProjectId, Step = step, Reason = reason, ModeratorId = user.Id, CreatedAt = now };
            db.Set<ModerationAction>().Add(action);

            // A restore closes nothing: reports were closed when it was hidden. Any other step answers the open reports.
            var open = step == ModerationStep.Restored ? [] : await db.Set<Report>().Where(r => r.TargetKind == content.Kind && r.TargetId == id && r.HandledAt == null).ToListAsync(ct);
            var what = ReportContent.Short(content.Title);
            foreach (var r in open)
            {
                r.HandledAt = now;
                r.Outcome = step;
            }
            foreach (var reporter in open.Select(r => r.ReporterId).OfType<string>().Distinct())
                db.Notifications.Add(new Notification { UserId = reporter, Text = $"Je melding over „{what}” is bekeken: het is {ModerationRules.StepLabel(step)}." + (reason.Length > 0 ? $" Reden: {reason}" : ""), Url = "/meldingen", CreatedAt = now });
            if (step != ModerationStep.Kept && content.AuthorId is { } author && author != user.Id)
                db.Notifications.Add(new Notification { UserId = author, Text = $"Je bijdrage „{what}” is {ModerationRules.StepLabel(step)} door de moderatie." + (reason.Length > 0 ? $" Reden: {reason}" : ""), Url = step == ModerationStep.Hidden ? "/meldingen" : content.Url, CreatedAt = now });
            audit.Add(step switch
            {
                ModerationStep.Hidden => AuditAction.ContentHidden,
                ModerationStep.Restored => AuditAction.ContentRestored,
                ModerationStep.Edited => AuditAction.ContentEdited,
                _ => AuditAction.ReportsDismissed,
            }, content.ProjectId, AuditSubjects.Contribution, content.Kind + "/" + id.ToString(CultureInfo.InvariantCulture), subjectUserId: content.AuthorId,
                detail: open.Count == 0 ? null : $"{open.Count} melding(en)");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Outcome<ModerationAction>.Ok(action);
        }, ct);
    }
}
