using Microsoft.AspNetCore.Mvc.Rendering;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Learning;

/// <summary>The fields of the agenda's add and edit pages (bound as Input.*), for a question and a barrier alike.</summary>
public sealed class AgendaForm
{
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? Detail { get; set; }
    public string? DueOn { get; set; }
    public string? Status { get; set; }
    public string? OwnerId { get; set; }
    public string? Answer { get; set; }
    public string? Reason { get; set; }

    public AgendaInput ToInput() => new(Title, Text, Detail, DueOn, Status, OwnerId, Answer, Reason);

    public static AgendaForm From(AgendaItemView v) => new()
    {
        Title = v.Title,
        Text = v.Text,
        Detail = v.Detail,
        DueOn = v.DueOn is { } d ? ExperimentDates.Iso(d) : null,
        Status = v.IsQuestion ? ((LearningStatus)v.Status).ToString() : ((BarrierStatus)v.Status).ToString(),
        OwnerId = v.OwnerId,
        Answer = v.Answer,
    };
}

/// <summary>What the shared fields partial needs: the form, the kind, whether it is the edit page, and the team to choose an owner from.</summary>
public interface IAgendaFormPage
{
    AgendaForm Input { get; }
    ItemKind Kind { get; }
    bool Editing { get; }
    IReadOnlyList<OwnerChoice> Owners { get; }
}

public static class AgendaFormOptions
{
    public static IEnumerable<SelectListItem> OwnerItems(IReadOnlyList<OwnerChoice> owners) =>
        owners.Select(o => new SelectListItem(o.Name, o.UserId)).Prepend(new SelectListItem("Nog niemand", ""));

    /// <summary>The URL word in ?soort= on the add page: the kinds' own (leervraag, systeembarriere).</summary>
    public static ItemKind? KindOf(string? soort) =>
        soort == LearningKinds.Question.UrlWord || string.IsNullOrEmpty(soort) ? ItemKind.LearningQuestion
        : soort == LearningKinds.Barrier.UrlWord ? ItemKind.SystemBarrier : null;
}
