using Proeftuin.Features.Accounts;
using Proeftuin.Features.MethodCards;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Data;

/// <summary>
/// Werkvormen in the demo (issue 13): besides the seven built-in cards, the loneliness project's own "Buurtwandeling
/// met foto's" and, for the whole programme, an adapted copy of "Stil schrijven" for the keukentafel.
/// </summary>
internal static class DemoMethodCards
{
    public const string WalkTitle = "Buurtwandeling met foto's";
    public const string KitchenTitle = "Stil schrijven aan de keukentafel";

    public static Task SeedAsync(AppDbContext db, Markdown markdown, Project lonely, IReadOnlyDictionary<string, AppUser> users, DateTime now)
    {
        var lead = users["procesbegeleider"].Id;
        MethodCard Card(string title, string purpose, Phase phase, int minutes, int min, int max, string materials, string steps, string tips, WorkForm[] forms) => new()
        {
            Title = title,
            Purpose = purpose,
            Phase = phase,
            Minutes = minutes,
            GroupMin = min,
            GroupMax = max,
            Materials = materials,
            Steps = steps,
            StepsHtml = markdown.ToSafeHtml(steps),
            InclusionTips = tips,
            InclusionTipsHtml = markdown.ToSafeHtml(tips),
            Forms = [.. forms],
            AuthorId = lead,
            CreatedAt = now.AddDays(-20),
            UpdatedAt = now.AddDays(-20),
            SearchTerms = DutchStems.ToSearchTerms(title, purpose, steps),
        };

        var walk = Card(WalkTitle,
            "Samen met bewoners door de wijk lopen en foto's maken van plekken waar je je welkom of juist eenzaam voelt. Daarna praten jullie over de foto's.",
            Phase.Empathize, 90, 4, 12,
            "Een telefoon met camera per tweetal\nEen kaart van de wijk\nKoffie en thee voor na de wandeling",
            "1. Spreek af bij de buurtkamer en vertel wat jullie gaan doen.\n2. Loop in tweetallen een half uur door de wijk.\n3. Maak foto's van plekken waar je graag bent, en van plekken waar je je alleen voelt.\n4. Kom terug en zet elke foto als post-it in de sessie, met één zin erbij.\n5. Bekijk samen alle foto's en vraag door.",
            "- Een foto zegt genoeg: schrijven hoeft niet.\n- Laat een tweetal samen één telefoon gebruiken.\n- Loop in het tempo van de langzaamste.",
            [WorkForm.SilentWriting, WorkForm.Sharing]);
        walk.ProjectId = lonely.Id;

        var kitchen = Card(KitchenTitle,
            "Stil schrijven in een kleine groep aan de keukentafel, met praten in plaats van schrijven voor wie dat liever doet.",
            Phase.Ideate, 20, 2, 6,
            "Post-its en dikke stiften\nEén telefoon van de begeleider om de post-its in te voeren",
            "1. Stel de vraag en leg hem op tafel.\n2. Iedereen schrijft of vertelt een idee aan de begeleider.\n3. De begeleider zet elk idee als post-it in de sessie.\n4. Lees alle ideeën voor en kies samen.",
            "- Vraag wat iemand bedoelt in plaats van te verbeteren.\n- Gebruik geen moeilijke woorden op de post-its.",
            [WorkForm.SilentWriting, WorkForm.Sharing, WorkForm.DotVoting]);
        kitchen.ProgrammeId = lonely.ProgrammeId;
        kitchen.CopiedFromSlug = "stil-schrijven";

        db.AddRange(walk, kitchen);
        return db.SaveChangesAsync();
    }
}
