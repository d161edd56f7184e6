namespace Proeftuin.Features.Moderation;

/// <summary>A contribution as the moderation pages show it, hidden or not.</summary>
public sealed record ModeratedContent(string Kind, int Id, int? ProjectId, string ProjectTitle, string Title, string Text,
    string? AuthorId, string? AuthorName, string Url, DateTime CreatedAt, DateTime? HiddenAt, string? Note);

/// <summary>
/// One kind of contribution that can be reported and moderated. Each feature registers its own (Features/Thread items
/// and comments here; initiatives and offers in their folders), so the queue, the forms and the rules stay one.
/// </summary>
public interface IModerationTarget
{
    /// <summary>The word in the address: /melden/{Kind}/{id}, /moderatie/{Kind}/{id}.</summary>
    string Kind { get; }

    /// <summary>Dutch, in a sentence: "deze reactie".</summary>
    string This { get; }

    /// <summary>These contributions, hidden or not, in one query; ids that do not exist are left out.</summary>
    Task<IReadOnlyList<ModeratedContent>> FindAsync(IReadOnlyCollection<int> ids, CancellationToken ct);

    /// <summary>Whether the caller may read it now (hidden contributions cannot be read, so not reported again).</summary>
    Task<bool> MayReadAsync(int id, CancellationToken ct);

    /// <summary>Stages the change on the tracked row; the caller saves it with the moderation step.</summary>
    Task ApplyAsync(int id, ModerationChange change, CancellationToken ct);
}

/// <summary>Hidden: set or clear HiddenAt. Text: the moderator's new text (null keeps it), with the note shown beside it.</summary>
public sealed record ModerationChange(bool? Hide, DateTime At, string? Text, string? Note);

public static class ModerationTargets
{
    public static async Task<ModeratedContent?> FindOneAsync(this IModerationTarget target, int id, CancellationToken ct) =>
        (await target.FindAsync([id], ct)) is [var first, ..] ? first : null;
}
