namespace Proeftuin.Features.Notifications;

/// <summary>Melding in the app. StoryId ties it to a story, so withdrawing the story removes it too.</summary>
public sealed class Notification
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Text { get; set; } = "";
    public string Url { get; set; } = "";
    public int? StoryId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
