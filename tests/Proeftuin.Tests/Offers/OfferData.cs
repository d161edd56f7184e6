using Proeftuin.Features.Offers;

namespace Proeftuin.Tests.Offers;

/// <summary>Vraag en aanbod straight into the database, for tests that need it to exist.</summary>
public static class OfferData
{
    public static Task<int> OfferAsync(this ProeftuinFactory factory, int programmeId, string ownerId, OfferDirection direction = OfferDirection.Offer,
        string title = "Ik heb een ladder", int? projectId = null, OfferCategory category = OfferCategory.Materials, string text = "Een ladder van vier meter.") =>
        factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var o = new Offer
            {
                ProgrammeId = programmeId,
                ProjectId = projectId,
                Direction = direction,
                Category = category,
                Title = title,
                Text = text,
                TextHtml = "<p>" + System.Net.WebUtility.HtmlEncode(text) + "</p>",
                OwnerId = ownerId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });

    /// <summary>A second programme, for "only within one programme".</summary>
    public static Task<int> ProgrammeAsync(this ProeftuinFactory factory, string title) =>
        factory.WithDbAsync(async db =>
        {
            var p = new Proeftuin.Features.Programmes.Programme { Title = title, Introduction = "Een ander programma.", CreatedAt = DateTime.UtcNow };
            db.Programmes.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
}
