using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Thread;

/// <summary>Reactie on any item. Markdown, rendered and sanitised once when saved; counts towards the knowledge balance.</summary>
public sealed class Comment
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public ThreadItem Item { get; set; } = null!;
    public int ProjectId { get; set; }
    public string? AuthorId { get; set; }
    public Accounts.AppUser? Author { get; set; }
    public string Text { get; set; } = "";
    public string Html { get; set; } = "";
    public Perspective KnowledgeSource { get; set; }
    public Phase Phase { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    /// <summary>Hidden by moderation: left out of every query but the thread's placeholder and the moderation pages.</summary>
    public DateTime? HiddenAt { get; set; }
    /// <summary>Why a moderator changed the text, shown with it.</summary>
    public string? ModerationNote { get; set; }
}
