using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Thread;

/// <summary>
/// Anything on the thread (de rode draad) of a project: stories, insights, sources, personas, journey maps,
/// needs and questions share one table and one id space, so links, comments and the trace view work
/// the same for every kind.
/// </summary>
public abstract class ThreadItem
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project Project { get; set; } = null!;
    public ItemKind Kind { get; set; }
    public string Title { get; set; } = "";
    /// <summary>What the author typed: Markdown for most kinds, plain text for stories.</summary>
    public string Text { get; set; } = "";
    /// <summary>Rendered and sanitised once, when saved.</summary>
    public string Html { get; set; } = "";
    /// <summary>Kennisbron of this contribution; defaults to the author's perspective, editable.</summary>
    public Perspective KnowledgeSource { get; set; }
    /// <summary>The project's phase when this was added: the knowledge balance is per phase.</summary>
    public Phase Phase { get; set; }
    public string? AuthorId { get; set; }
    public Accounts.AppUser? Author { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Lower-case Dutch word stems of title and text, space separated, computed when saved (see <c>DutchStems</c>).</summary>
    public string SearchTerms { get; set; } = "";
    /// <summary>Hidden by moderation (Features/Moderation): every query leaves it out unless it asks for it by name.</summary>
    public DateTime? HiddenAt { get; set; }
    /// <summary>Why a moderator changed the text ("aangepast door moderatie: …"), shown with it.</summary>
    public string? ModerationNote { get; set; }
}

public enum ItemKind
{
    Story = 0,
    Insight = 1,
    Source = 2,
    Persona = 3,
    JourneyMap = 4,
    Need = 5,
    Question = 6,
    Idea = 7,
    // The proeftuin (issue 12): each kind lives in its own folder and registers its descriptor there.
    Prototype = 8,
    Experiment = 9,
    Observation = 10,
    Decision = 11,
    Lesson = 12,
    // Leren onderweg (issue 13): the learning agenda (Features/Learning).
    LearningQuestion = 13,
    SystemBarrier = 14,
    // The innovatiereis (Features/Journey).
    JourneyEntry = 15,
    // Reflectiemomenten (Features/Reflections).
    Reflection = 16,
}

/// <summary>Inzicht: what the team learned, backed by stories, observations and sources.</summary>
public sealed class Insight : ThreadItem;

/// <summary>Behoefte.</summary>
public sealed class Need : ThreadItem;

/// <summary>"Hoe kunnen we …?"-vraag, backed by needs and insights.</summary>
public sealed class Question : ThreadItem;

/// <summary>Idee: born in a live session from a note or a cluster, linked to the question it answers.</summary>
public sealed class Idea : ThreadItem
{
    public int? SessionId { get; set; }
    public Sessions.LiveSession? Session { get; set; }
    /// <summary>Where the idea stands (Features/Ideas): changed by a facilitator, with its history in IdeaStatusChanges.</summary>
    public Ideas.IdeaStatus Status { get; set; }
}

/// <summary>A persona: a made-up person who stands for a group, with a characteristic quote.</summary>
public sealed class Persona : ThreadItem
{
    public string Quote { get; set; } = "";
}

/// <summary>Bron: a citation or link, usually scientific knowledge.</summary>
public sealed class Source : ThreadItem
{
    public string Citation { get; set; } = "";
    public string? Url { get; set; }
}

/// <summary>Klantreis: ordered steps with the emotion felt at each.</summary>
public sealed class JourneyMap : ThreadItem
{
    public List<JourneyStep> Steps { get; set; } = [];
}

public sealed class JourneyStep
{
    public int Id { get; set; }
    public int JourneyMapId { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    public string WhatHappens { get; set; } = "";
    /// <summary>−2 (very bad) … +2 (very good).</summary>
    public int Emotion { get; set; }
    public string PainPoints { get; set; } = "";
}
