using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Proeftuin.Features.Review;

/// <summary>The choices on the advice form.</summary>
public static class ReviewOptions
{
    /// <summary>"No question in particular" first, then the project's learning questions (their titles are data).</summary>
    public static IEnumerable<SelectListItem> Questions(IEnumerable<QuestionChoice> questions, string none) =>
        new[] { new SelectListItem(none, "") }.Concat(questions.Select(q => new SelectListItem(q.Title, q.Id.ToString(CultureInfo.InvariantCulture))));
}
