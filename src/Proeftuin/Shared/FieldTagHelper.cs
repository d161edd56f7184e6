using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Proeftuin.Shared;

/// <summary>
/// One accessible NL Design System form field: label, hint, error and control, wired with
/// aria-describedby and aria-invalid. Keeps every form in Proeftuin the same.
/// Usage: &lt;pt-field for="Input.Title" label="Titel" hint="…" type="textarea" /&gt;
/// </summary>
[HtmlTargetElement("pt-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IStringLocalizer<SharedResource> l) : TagHelper
{
    [HtmlAttributeName("for")] public ModelExpression For { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    /// <summary>text, email, password, url, textarea, select, file, date.</summary>
    public string Type { get; set; } = "text";
    public bool Required { get; set; }
    public int? MaxLength { get; set; }
    public string? Autocomplete { get; set; }
    public string? Accept { get; set; }
    public int Rows { get; set; } = 5;
    public IEnumerable<SelectListItem>? Items { get; set; }
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors : null;
        var invalid = errors is { Count: > 0 };
        var attempted = entry?.AttemptedValue;
        var value = attempted ?? For.Model?.ToString() ?? "";
        var enc = HtmlEncoder.Default;
        var describedBy = new List<string>();

        var html = new HtmlContentBuilder();
        html.AppendHtml($"<div class=\"utrecht-form-field utrecht-form-field--text{(invalid ? " utrecht-form-field--invalid" : "")}\">");
        html.AppendHtml($"<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"{id}\">{enc.Encode(l[Label])}");
        if (!Required) html.AppendHtml($" <span class=\"pt-meta\">({enc.Encode(l["niet verplicht"])})</span>");
        html.AppendHtml("</label></div>");
        if (!string.IsNullOrEmpty(Hint))
        {
            describedBy.Add(id + "-hint");
            html.AppendHtml($"<div class=\"utrecht-form-field__description utrecht-form-field-description\" id=\"{id}-hint\">{enc.Encode(l[Hint])}</div>");
        }
        if (invalid)
        {
            describedBy.Add(id + "-error");
            html.AppendHtml($"<div class=\"utrecht-form-field-error-message\" id=\"{id}-error\">");
            foreach (var e in errors!) html.AppendHtml($"<p>{enc.Encode(e.ErrorMessage)}</p>");
            html.AppendHtml("</div>");
        }
        var common = $"id=\"{id}\" name=\"{enc.Encode(name)}\"" +
            (describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "") +
            (invalid ? " aria-invalid=\"true\"" : "") +
            (Required ? " required" : "") +
            (MaxLength is { } max ? $" maxlength=\"{max}\"" : "") +
            (Autocomplete is { } ac ? $" autocomplete=\"{enc.Encode(ac)}\"" : "");
        html.AppendHtml("<div class=\"utrecht-form-field__input\">");
        switch (Type)
        {
            case "textarea":
                html.AppendHtml($"<textarea class=\"utrecht-textarea{(invalid ? " utrecht-textarea--invalid" : "")}\" rows=\"{Rows}\" {common}>{enc.Encode(value)}</textarea>");
                break;
            case "select":
                html.AppendHtml($"<select class=\"utrecht-select utrecht-select--html-select{(invalid ? " utrecht-select--invalid" : "")}\" {common}>");
                foreach (var item in Items ?? [])
                {
                    var selected = item.Value == value ? " selected" : "";
                    html.AppendHtml($"<option value=\"{enc.Encode(item.Value)}\"{selected}>{enc.Encode(l[item.Text])}</option>");
                }
                html.AppendHtml("</select>");
                break;
            case "file":
                html.AppendHtml($"<input type=\"file\" class=\"utrecht-textbox\" {common}{(Accept is { } a ? $" accept=\"{enc.Encode(a)}\"" : "")}>");
                break;
            case "text" or "email" or "password" or "url" or "date" or "time" or "number" or "search" or "tel":
                var shownValue = Type == "password" ? "" : value;
                html.AppendHtml($"<input type=\"{Type}\" class=\"utrecht-textbox utrecht-textbox--html-input{(invalid ? " utrecht-textbox--invalid" : "")}\" value=\"{enc.Encode(shownValue)}\" {common}>");
                break;
            default:
                throw new InvalidOperationException($"pt-field does not know type '{Type}'.");
        }
        html.AppendHtml("</div></div>");
        output.TagName = null;
        output.Content.SetHtmlContent(html);
    }
}
