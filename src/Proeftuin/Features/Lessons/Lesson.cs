using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Lessons;

/// <summary>
/// Les: what a project learned, from a decision, a reflection or the innovatiereis. <see cref="ThreadItem.Text"/> is the
/// lesson itself; context, mechanism and outcome say for whom and in which situation it works, why, and what came of it
/// (the realist "wat werkt, voor wie, waarom"). Team lessons are read by the project's members only; public ones by
/// everyone, in the library across projects (ADR 0034).
/// </summary>
public sealed class Lesson : ThreadItem
{
    /// <summary>Voor wie en in welke situatie. Empty on a lesson written with a decision and not yet filled in.</summary>
    public string Context { get; set; } = "";
    /// <summary>Waarom het (niet) werkt.</summary>
    public string Mechanism { get; set; } = "";
    /// <summary>Wat eruit kwam.</summary>
    public string Outcome { get; set; } = "";
    /// <summary>Worked, did not, or a brilliant failure; null until the team says.</summary>
    public LessonResult? Result { get; set; }
    public LessonVisibility Visibility { get; set; }
    /// <summary>When it was made public (the first time); null while it stays in the team.</summary>
    public DateTime? PublishedAt { get; set; }
    public Domains Domains { get; set; }
    public List<Theme> Themes { get; set; } = [];
    /// <summary>" stem stem " of the title alone: search ranks lessons whose title matches first.</summary>
    public string TitleTerms { get; set; } = " ";

    /// <summary>Both search fields from the lesson's words, as every writer of a lesson must leave them.</summary>
    public void RefreshSearchTerms()
    {
        SearchTerms = DutchStems.ToSearchTerms(Title, Text, Context, Mechanism, Outcome);
        TitleTerms = DutchStems.ToSearchTerms(Title);
    }
}

public enum LessonResult
{
    Worked = 0,
    DidNotWork = 1,
    BrilliantFailure = 2,
}

public enum LessonVisibility
{
    /// <summary>Only the project's members (and admins) read it.</summary>
    Team = 0,
    /// <summary>Everyone, also without an account, in the library across projects.</summary>
    Public = 1,
}
