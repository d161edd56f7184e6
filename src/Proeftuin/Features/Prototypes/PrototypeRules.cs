using Proeftuin.Features.Members;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>What a prototype form sends.</summary>
public sealed record PrototypeInput(string? Title, string? ForWhom, PrototypeForm? Form, string? Text, Perspective? KnowledgeSource);

/// <summary>The rules every prototype use case shares: who works on one, and how its fields are checked and saved.</summary>
public static class PrototypeRules
{
    /// <summary>The team (not observers) works on a prototype: edits it, its assumptions and attachments. Facilitators and admins too.</summary>
    public static bool MayWork(ProjectPermissions p) => p.CanContribute || p.CanFacilitate;

    /// <summary>Checks the fields and, when they are right, writes them onto the prototype (Markdown rendered here, once).</summary>
    public static Validation Apply(Prototype item, PrototypeInput input, Markdown markdown, DateTime now)
    {
        var v = new Validation();
        var title = v.Text("Title", input.Title, ThreadLimits.Title, label: "wat het prototype is");
        var forWhom = v.Text("ForWhom", input.ForWhom, PrototypeLimits.ForWhom, label: "voor wie het is");
        if (input.Form is not { } form || !Enum.IsDefined(form)) v.Add("Form", "Kies een vorm uit de lijst.");
        var text = v.Text("Text", input.Text, ThreadLimits.Text, label: "wat jullie willen leren");
        var source = v.Enum("KnowledgeSource", input.KnowledgeSource ?? Perspective.Experience, "Kies een kennisbron uit de lijst.");
        if (!v.IsValid) return v;
        item.Title = title;
        item.ForWhom = forWhom;
        item.Form = input.Form!.Value;
        item.Text = text;
        item.Html = markdown.ToSafeHtml(text);
        item.KnowledgeSource = source;
        item.UpdatedAt = now;
        item.SearchTerms = DutchStems.ToSearchTerms(title, forWhom, text);
        return v;
    }
}
