using Proeftuin.Features.Experiments;

namespace Proeftuin.Features.Reflections;

/// <summary>The fields of the plan and edit pages (bound as Input.*).</summary>
public sealed class ReflectionForm
{
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? HeldOn { get; set; }
    public List<string?> Prompts { get; set; } = [];
    public List<string> ParticipantIds { get; set; } = [];
    public List<int> QuestionIds { get; set; } = [];

    public ReflectionInput ToInput() => new(Title, Text, HeldOn, Prompts, ParticipantIds, QuestionIds);

    /// <summary>Always <see cref="ReflectionLimits.MaxPrompts"/> prompt fields on the form; the empty ones are left out when saved.</summary>
    public ReflectionForm Padded()
    {
        while (Prompts.Count < ReflectionLimits.MaxPrompts) Prompts.Add(null);
        return this;
    }

    public static ReflectionForm From(Reflection r, IEnumerable<int> questionIds) => new ReflectionForm
    {
        Title = r.Title,
        Text = r.Text,
        HeldOn = ExperimentDates.Iso(r.HeldOn),
        Prompts = [.. r.Prompts.OrderBy(p => p.Position).Select(p => (string?)p.Text)],
        ParticipantIds = [.. r.Participants.Select(p => p.UserId)],
        QuestionIds = [.. questionIds],
    }.Padded();
}

/// <summary>What the shared fields partial needs.</summary>
public interface IReflectionFormPage
{
    ReflectionForm Input { get; }
    IReadOnlyList<TeamChoice> Team { get; }
    IReadOnlyList<QuestionChoice> Questions { get; }
}
