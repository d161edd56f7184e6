using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Proeftuin.Shared;

/// <summary>
/// Marks Dutch text that people wrote (titles, questions, stories, news, default prompts and instructions) so a
/// screen reader reads it with a Dutch voice when the rest of the page is English (WCAG 3.1.2, language of parts).
/// Usage: &lt;h3 pt-nl&gt;@project.Title&lt;/h3&gt; gives lang="nl" in English and nothing in Dutch.
/// </summary>
[HtmlTargetElement(Attributes = Attribute)]
public sealed class DutchContentTagHelper : TagHelper
{
    public const string Attribute = "pt-nl";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll(Attribute);
        if (DutchContent.Lang is { } lang) output.Attributes.SetAttribute("lang", lang);
    }
}

/// <summary>The same rule for places a tag helper cannot reach: lang="@DutchContent.Lang".</summary>
public static class DutchContent
{
    /// <summary>"nl" when the page is not Dutch, otherwise null (Razor then leaves the attribute out).</summary>
    public static string? Lang => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "nl" ? null : "nl";
}
