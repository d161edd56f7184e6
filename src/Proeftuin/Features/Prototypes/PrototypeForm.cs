using Proeftuin.Features.Members;

namespace Proeftuin.Features.Prototypes;

/// <summary>The fields of the create and edit pages (bound as Input.*).</summary>
public sealed class PrototypeFormModel
{
    public string? Title { get; set; }
    public string? ForWhom { get; set; }
    public PrototypeForm? Form { get; set; }
    public string? Text { get; set; }
    public Perspective? KnowledgeSource { get; set; }
    /// <summary>Only on the create page: the ideas it comes from.</summary>
    public List<int> IdeaIds { get; set; } = [];

    public PrototypeInput ToInput() => new(Title, ForWhom, Form, Text, KnowledgeSource);

    public static PrototypeFormModel From(Prototype p) => new()
    {
        Title = p.Title,
        ForWhom = p.ForWhom,
        Form = p.Form,
        Text = p.Text,
        KnowledgeSource = p.KnowledgeSource,
    };
}

/// <summary>The assumption form (bound as Input.*).</summary>
public sealed class AssumptionFormModel
{
    public string? Text { get; set; }
    public AssumptionRisk? Risk { get; set; }
    public AssumptionCertainty? Certainty { get; set; }

    public AssumptionInput ToInput() => new(Text, Risk, Certainty);
}

/// <summary>The create and edit pages share one fields partial.</summary>
public interface IPrototypeFormPage
{
    PrototypeFormModel Input { get; }
}

/// <summary>The assumption pages share one fields partial.</summary>
public interface IAssumptionFormPage
{
    AssumptionFormModel Input { get; }
}
