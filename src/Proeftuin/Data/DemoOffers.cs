using Proeftuin.Features.Accounts;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Offers;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Data;

/// <summary>
/// Vraag en aanbod in the demo (issue 14): three offers and three requests in the programme (one in the project against
/// loneliness, one already "geregeld"), a suggested match (the van for the move) and a private conversation between
/// the resident and the wijkteam professional about help with forms.
/// </summary>
internal static class DemoOffers
{
    public const string VanTitle = "Ik heb een busje op zaterdag";
    public const string KitchenTitle = "Ruimte voor een kookavond gezocht";
    public const string FormsTitle = "Ik help met formulieren";
    public const string GardenTitle = "De tuin van de Linde is vrij op woensdag";
    public const string MovingTitle = "Wie helpt mee met een verhuizing naar de aanleunwoning?";

    public static async Task SeedAsync(AppDbContext db, Markdown markdown, Project lonely, IReadOnlyDictionary<string, AppUser> users, DateTime now)
    {
        Offer Add(OfferDirection direction, OfferCategory category, string title, string text, string? place, string owner, int daysAgo, int? projectId = null, int? closedDaysAgo = null)
        {
            var at = now.AddDays(-daysAgo);
            var o = new Offer
            {
                ProgrammeId = lonely.ProgrammeId,
                ProjectId = projectId,
                Direction = direction,
                Category = category,
                Title = title,
                Text = text,
                TextHtml = markdown.ToSafeHtml(text),
                Place = place,
                OwnerId = users[owner].Id,
                CreatedAt = at,
                UpdatedAt = at,
                ClosedAt = closedDaysAgo is { } c ? now.AddDays(-c) : null,
            };
            db.Add(o);
            return o;
        }

        var van = Add(OfferDirection.Offer, OfferCategory.Materials, VanTitle,
            "Op zaterdag staat mijn busje stil. Moet er iets verhuisd of opgehaald worden voor een buurtactiviteit? Ik rijd graag. **Benzine** betaal ik zelf.",
            "Hatert", "wijkteam", 9);
        var forms = Add(OfferDirection.Offer, OfferCategory.Skills, FormsTitle,
            "Brieven van de gemeente of de belasting zijn soms lastig. Ik help met formulieren invullen, aan de keukentafel of in de buurtkamer. Op dinsdagmiddag heb ik tijd.",
            "Hatert", "wijkteam", 14, lonely.Id);
        Add(OfferDirection.Offer, OfferCategory.Space, GardenTitle,
            "De tuin achter Buurtkamer De Linde is op woensdag vrij. Voor een moestuinclub of een spelmiddag.", "Hatert", "procesbegeleider", 20, closedDaysAgo: 3);
        Add(OfferDirection.Request, OfferCategory.Space, KitchenTitle,
            "We willen één keer per maand samen koken en eten met buren die vaak alleen eten. We zoeken een ruimte met een **keuken** voor zo'n twaalf mensen.",
            "Hatert of Dukenburg", "inwoner", 6);
        var moving = Add(OfferDirection.Request, OfferCategory.Time, MovingTitle,
            "Mijn buurvrouw verhuist over drie weken naar een aanleunwoning. Wie helpt een ochtend met sjouwen? Een auto of busje zou fijn zijn.",
            "Hatert", "inwoner", 4);
        Add(OfferDirection.Request, OfferCategory.Skills, "Iemand die een flyer kan maken",
            "Voor de zondagse soep zoeken we iemand die een vrolijke flyer kan maken. Wij zorgen voor de tekst.", null, "onderzoeker", 2, lonely.Id);
        await db.SaveChangesAsync();

        // The professional saw that the van fits the move: both owners heard of it.
        db.Add(new OfferMatch { OfferId = van.Id, RequestId = moving.Id, SuggestedById = users["procesbegeleider"].Id, CreatedAt = now.AddDays(-3) });
        foreach (var (mine, other) in new[] { (van, moving), (moving, van) })
            db.Add(new Notification
            {
                UserId = mine.OwnerId,
                Text = $"Iemand denkt dat „{other.Title}” past bij je {(mine.Direction == OfferDirection.Offer ? "aanbod" : "vraag")} „{mine.Title}”.",
                Url = OfferNotices.Path(mine.Id) + "#matches",
                CreatedAt = now.AddDays(-3),
                ReadAt = now.AddDays(-2),
            });

        // A private conversation: the resident asks about help with forms; the professional answers.
        void Message(Offer about, string from, string to, string text, int hoursAgo, bool read) =>
            db.Add(new OfferMessage
            {
                OfferId = about.Id,
                FromId = users[from].Id,
                ToId = users[to].Id,
                Text = text,
                CreatedAt = now.AddHours(-hoursAgo),
                ReadAt = read ? now.AddHours(-hoursAgo + 1) : null,
            });
        Message(forms, "inwoner", "wijkteam", "Hallo Mark, ik heb een brief over de huurtoeslag gekregen en ik snap hem niet goed. Kun je volgende week dinsdag helpen?", 50, read: true);
        Message(forms, "wijkteam", "inwoner", "Dag Ans, dat kan! Dinsdag om twee uur in de buurtkamer? Neem de brief mee, dan kijken we er samen naar.", 30, read: false);
        db.Add(new Notification { UserId = users["inwoner"].Id, Text = $"Je hebt een nieuw bericht over „{forms.Title}”.", Url = OfferNotices.Path(forms.Id) + "#gesprekken", CreatedAt = now.AddHours(-30) });
        await db.SaveChangesAsync();
    }
}
