using Proeftuin.Features.Projects;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Features.MethodCards;

/// <summary>
/// A werkvorm of our own: for the whole programme (ProgrammeId) or for one project (ProjectId), never both. The seven
/// built-in werkvormen are code (<see cref="BuiltInCards"/>); a copy of one, or of another card, remembers where it
/// came from. Steps and tips are Markdown, rendered to sanitised HTML once when saved.
/// </summary>
public sealed class MethodCard
{
    public int Id { get; set; }
    public int? ProgrammeId { get; set; }
    public int? ProjectId { get; set; }
    public string Title { get; set; } = "";
    public string Purpose { get; set; } = "";
    public Phase Phase { get; set; }
    public int Minutes { get; set; }
    public int GroupMin { get; set; }
    public int GroupMax { get; set; }
    public string Materials { get; set; } = "";
    public string Steps { get; set; } = "";
    public string StepsHtml { get; set; } = "";
    public string InclusionTips { get; set; } = "";
    public string InclusionTipsHtml { get; set; } = "";
    /// <summary>The live-session steps the card lays out, in order.</summary>
    public List<WorkForm> Forms { get; set; } = [];
    /// <summary>The built-in card this is a copy of (its slug), or null.</summary>
    public string? CopiedFromSlug { get; set; }
    /// <summary>The own card this is a copy of, or null (also when that card is gone).</summary>
    public int? CopiedFromId { get; set; }
    public string? AuthorId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Dutch stems of title, purpose and steps (<see cref="Thread.DutchStems.ToSearchTerms"/>).</summary>
    public string SearchTerms { get; set; } = "";
}

public static class MethodCardLimits
{
    public const int Title = 120;
    public const int Purpose = 1000;
    public const int Materials = 1000;
    public const int Steps = 5000;
    public const int InclusionTips = 3000;
    /// <summary>Steps of a live session one card lays out: a card is one werkvorm, not a whole session.</summary>
    public const int MaxForms = 5;
    public const int MaxMinutes = 480;
    public const int MaxGroup = 500;
    /// <summary>Cards one planned session may come from.</summary>
    public const int MaxCardsPerSession = 12;
}
