namespace Proeftuin.Features.News;

/// <summary>A news item of a programme or a project. The Markdown is rendered and sanitised once, when saved.</summary>
public sealed class NewsItem
{
    public int Id { get; set; }
    public int? ProgrammeId { get; set; }
    public int? ProjectId { get; set; }
    public string Title { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public DateTime PublishedAt { get; set; }
    public string? AuthorId { get; set; }
}
