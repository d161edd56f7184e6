using Ganss.Xss;
using Markdig;

namespace Proeftuin.Web;

/// <summary>Markdown to safe HTML. Called when saving, never per request: rendering on every view costs 3×.</summary>
public sealed class Markdown
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToSafeHtml(string markdown) => sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, pipeline));

    /// <summary>The text without its Markdown marks, for a Word document (its own paragraphs, no HTML).</summary>
    public string ToPlainText(string markdown) => Markdig.Markdown.ToPlainText(markdown, pipeline);

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("mailto");
        s.AllowedAttributes.Remove("style");
        s.AllowedTags.Remove("img");
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a)
                a.SetAttribute("rel", "nofollow noopener");
        };
        return s;
    }
}
