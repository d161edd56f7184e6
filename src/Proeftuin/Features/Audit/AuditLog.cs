using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Audit;

/// <summary>
/// Writes audit entries. <see cref="Add"/> only stages the entry, so it is saved in the same
/// SaveChanges as the action it describes (both or neither); <see cref="RecordAsync"/> saves at once,
/// for actions that write nothing else (an export, a sign-in link request).
/// </summary>
public sealed class AuditLog(AppDbContext db, Caller user, TimeProvider clock)
{
    public const int DetailLimit = 500;

    public AuditEvent Add(AuditAction action, int? projectId = null, string? subjectType = null, string? subjectId = null,
        string? subjectUserId = null, string? detail = null, string? actorKind = null, string? actorUserId = null)
    {
        var entry = new AuditEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            // actorUserId: the account acts before its cookie exists (a sign-in).
            ActorUserId = actorUserId ?? (actorKind is null ? user.Id : null),
            ActorKind = actorUserId is not null ? null : actorKind ?? ActorKinds.Of(user.Kind),
            ProjectId = projectId,
            SubjectType = subjectType,
            SubjectId = subjectId,
            SubjectUserId = subjectUserId,
            Detail = detail is { Length: > DetailLimit } ? detail[..DetailLimit] : detail,
        };
        db.Add(entry);
        return entry;
    }

    public async Task RecordAsync(AuditAction action, int? projectId = null, string? subjectType = null, string? subjectId = null,
        string? subjectUserId = null, string? detail = null, string? actorKind = null, string? actorUserId = null, CancellationToken ct = default)
    {
        Add(action, projectId, subjectType, subjectId, subjectUserId, detail, actorKind, actorUserId);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Who acted when it was not a signed-in account. Stored codes, not words for people (AuditWords.ActorKindLabel
/// says them in Dutch): static readonly rather than const, so the i18n key scan does not take them for texts.
/// </summary>
public static class ActorKinds
{
    public static readonly string Anonymous = "anonymous";
    public static readonly string Guest = "guest";
    public static readonly string KeyHolder = "key-holder";
    public static readonly string System = "system";
    /// <summary>A teller acting on their own story while signed in: not their account id, so the log does not tie them to the story.</summary>
    public static readonly string Teller = "teller";

    /// <summary>The stored word for how the caller takes part; null for an account (its id is stored instead).</summary>
    public static string? Of(CallerKind kind) => kind switch
    {
        CallerKind.Account => null,
        CallerKind.SessionGuest => Guest,
        CallerKind.KeyHolder => KeyHolder,
        CallerKind.Anonymous => Anonymous,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of caller."),
    };
}
