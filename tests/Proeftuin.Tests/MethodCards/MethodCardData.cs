using Proeftuin.Features.MethodCards;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.MethodCards;

/// <summary>Own cards straight into the database, as SaveMethodCard makes them.</summary>
public static class MethodCardData
{
    public static Task<int> CardAsync(this ProeftuinFactory factory, string title, int? projectId = null, int? programmeId = null, string? authorId = null,
        string purpose = "Een doel.", string steps = "1. Een stap.", params WorkForm[] forms) =>
        factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var card = new MethodCard
            {
                ProjectId = projectId,
                ProgrammeId = programmeId,
                Title = title,
                Purpose = purpose,
                Phase = Proeftuin.Features.Projects.Phase.Ideate,
                Minutes = 15,
                GroupMin = 2,
                GroupMax = 10,
                Steps = steps,
                StepsHtml = "<ol><li>" + System.Net.WebUtility.HtmlEncode(steps) + "</li></ol>",
                Forms = forms.Length == 0 ? [WorkForm.SilentWriting] : [.. forms],
                AuthorId = authorId,
                CreatedAt = now,
                UpdatedAt = now,
                SearchTerms = Proeftuin.Features.Thread.DutchStems.ToSearchTerms(title, purpose, steps),
            };
            db.Add(card);
            await db.SaveChangesAsync();
            return card.Id;
        });
}
