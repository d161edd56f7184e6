using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Proeftuin.Features.Experiments;

namespace Proeftuin.Features.Activities;

/// <summary>The fields of the plan and edit pages (bound as Input.*), as typed.</summary>
public sealed class ActivityForm
{
    public string? Type { get; set; } = nameof(ActivityType.Meeting);
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Day { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public string? Place { get; set; }
    public string? Accessibility { get; set; }
    public string? Capacity { get; set; }
    public string? SessionId { get; set; }
    public string? ReflectionId { get; set; }

    public ActivityInput ToInput() => new(Type, Title, Description, Day, StartTime, EndTime, Place, Accessibility, Capacity, SessionId, ReflectionId);

    public static ActivityForm From(Activity a)
    {
        var start = ActivityTimes.Local(a.StartsAt);
        var end = ActivityTimes.Local(a.EndsAt);
        return new ActivityForm
        {
            Type = a.Type.ToString(),
            Title = a.Title,
            Description = a.Description,
            Day = ExperimentDates.Iso(DateOnly.FromDateTime(start)),
            StartTime = start.ToString("HH:mm", CultureInfo.InvariantCulture),
            EndTime = end.ToString("HH:mm", CultureInfo.InvariantCulture),
            Place = a.Place,
            Accessibility = a.Accessibility,
            Capacity = a.Capacity?.ToString(CultureInfo.InvariantCulture),
            SessionId = a.SessionId?.ToString(CultureInfo.InvariantCulture),
            ReflectionId = a.ReflectionId?.ToString(CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>What the shared fields partial needs.</summary>
public interface IActivityFormPage
{
    ActivityForm Input { get; }
    IReadOnlyList<AttachChoice> Sessions { get; }
    IReadOnlyList<AttachChoice> Reflections { get; }
}

public static class ActivityChoices
{
    /// <summary>The Dutch labels; pt-field says them in the request's language.</summary>
    public static IEnumerable<SelectListItem> Types() =>
        Enum.GetValues<ActivityType>().Select(t => new SelectListItem(t.Label(), t.ToString()));

    public static IEnumerable<SelectListItem> Attach(IEnumerable<AttachChoice> choices) =>
        [new SelectListItem("Geen", ""), .. choices.Select(c => new SelectListItem(c.Title, c.Id.ToString(CultureInfo.InvariantCulture)))];
}
