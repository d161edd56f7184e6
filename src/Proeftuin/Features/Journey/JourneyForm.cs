using Proeftuin.Features.Experiments;
using Proeftuin.Features.Members;

namespace Proeftuin.Features.Journey;

/// <summary>The fields of the journey's add and edit pages (bound as Input.*).</summary>
public sealed class JourneyForm
{
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? OccurredOn { get; set; }
    public Perspective? KnowledgeSource { get; set; }
    public int? AnswersId { get; set; }

    public JourneyInput ToInput() => new(Title, Text, OccurredOn, KnowledgeSource, AnswersId);

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> IssueItems(IReadOnlyList<IssueChoice> issues) =>
        issues.Select(i => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(i.Title, i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem("Bij geen kwestie", ""));

    public static JourneyForm From(JourneyEntry e) => new()
    {
        Title = e.Title,
        Text = e.Text,
        OccurredOn = ExperimentDates.Iso(e.OccurredOn),
        KnowledgeSource = e.KnowledgeSource,
    };
}

/// <summary>What the shared fields partial needs.</summary>
public interface IJourneyFormPage
{
    JourneyForm Input { get; }
    JourneyEntryType Type { get; }
    /// <summary>The kwesties an antwoord may answer (the add page of an antwoord only).</summary>
    IReadOnlyList<IssueChoice> Issues { get; }
}
