using Microsoft.AspNetCore.Mvc.Rendering;
using Proeftuin.Features.Members;

namespace Proeftuin.Features.Thread;

public sealed class ItemForm
{
    public string? Title { get; set; }
    public string? Text { get; set; }
    public Perspective? KnowledgeSource { get; set; }
    public string? Quote { get; set; }
    public string? Citation { get; set; }
    public string? Url { get; set; }

    public ItemInput ToInput() => new(Title, Text, KnowledgeSource, Quote, Citation, Url);

    public static ItemForm From(ThreadItem item) => new()
    {
        Title = item.Title,
        Text = item.Text,
        KnowledgeSource = item.KnowledgeSource,
        Quote = (item as Persona)?.Quote,
        Citation = (item as Source)?.Citation,
        Url = (item as Source)?.Url,
    };
}

/// <summary>The create and edit pages share one form partial.</summary>
public interface IItemFormPage
{
    ItemForm Input { get; }
    ItemKind Kind { get; }
}

public sealed class StepForm
{
    public string? Name { get; set; }
    public string? WhatHappens { get; set; }
    public int? Emotion { get; set; }
    public string? PainPoints { get; set; }

    public StepInput ToInput() => new(Name, WhatHappens, Emotion, PainPoints);

    /// <summary>−2 … +2 with words; texts are localizer keys (FieldTagHelper localizes options).</summary>
    public static IEnumerable<SelectListItem> EmotionItems() =>
        new[] { 2, 1, 0, -1, -2 }.Select(e => new SelectListItem(ThreadWords.EmotionLabel(e), e.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

public sealed class LinkForm
{
    public LinkType? Type { get; set; }
    public string? Direction { get; set; }
    public int? OtherId { get; set; }

    public LinkInput ToInput() => new(Type, Direction, OtherId);
}

public sealed class CommentForm
{
    public string? Text { get; set; }
}
