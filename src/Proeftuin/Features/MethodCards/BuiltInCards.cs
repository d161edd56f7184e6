using Proeftuin.Features.Projects;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.MethodCards;

/// <summary>
/// A built-in werkvorm as a card. Its title is the werkvorm's name (<see cref="WorkForms"/>); the rest is written here in
/// our own B1 Dutch. Materials, steps and tips are lists of short sentences, so they need no Markdown.
/// </summary>
public sealed record BuiltInCard(
    string Slug,
    WorkForm Form,
    string Purpose,
    Phase Phase,
    int Minutes,
    int GroupMin,
    int GroupMax,
    IReadOnlyList<string> Materials,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> InclusionTips)
{
    public string Title => WorkForms.For(Form).Name;

    /// <summary>Stems of title, purpose and steps, worked out once.</summary>
    public string SearchTerms { get; } = DutchStems.ToSearchTerms([WorkForms.For(Form).Name, Purpose, .. Steps]);
}

/// <summary>The seven werkvormen of the live session, one card each, addressed by a slug that never changes.</summary>
public static class BuiltInCards
{
    public static IReadOnlyList<BuiltInCard> All { get; } =
    [
        new("stil-schrijven", WorkForm.SilentWriting,
            "Iedereen denkt eerst alleen na en schrijft ideeën op. Zo horen jullie ook de ideeën van mensen die in een groep niet snel iets zeggen.",
            Phase.Ideate, 10, 3, 30,
            ["Een telefoon, tablet of laptop per persoon, of post-its en pennen", "Een scherm of muur waar de vraag op staat"],
            ["Lees de vraag hardop voor en zet hem groot op het scherm.", "Vertel dat niemand de post-its ziet tot jij ze laat zien.",
             "Geef vijf minuten. Iedereen schrijft één idee per post-it.", "Zeg een minuut van tevoren dat de tijd bijna om is.",
             "Laat daarna alle post-its tegelijk zien."],
            ["Schrijven mag kort: één woord of een tekening is ook goed.", "Wie liever praat, vertelt het idee aan een buur die het opschrijft.",
             "Lees de vraag twee keer voor, in gewone woorden."]),
        new("brainwriting-6-3-5", WorkForm.Brainwriting635,
            "Jullie bouwen verder op elkaars ideeën. Een idee van de een wordt beter door de ander.",
            Phase.Ideate, 20, 4, 12,
            ["Een telefoon, tablet of laptop per persoon, of per persoon een blad met drie kolommen", "Een klok die iedereen ziet"],
            ["Leg uit: eerst drie eigen ideeën, daarna verder bouwen op die van anderen.", "Geef vijf minuten voor de eerste drie ideeën.",
             "Laat iedereen de post-its van de anderen lezen.", "Vraag om een idee beter te maken of een nieuw idee te schrijven dat erbij past.",
             "Herhaal dit twee of drie keer."],
            ["Werk in tweetallen: een van de twee schrijft, samen bedenk je.", "Lees de post-its van de anderen hardop voor als lezen moeilijk is.",
             "Zeg vooraf dat spelfouten niet erg zijn."]),
        new("crazy-8s", WorkForm.CrazyEights,
            "Snel veel ideeën bedenken. Door de korte tijd kom je verder dan je eerste idee.",
            Phase.Ideate, 12, 2, 30,
            ["Een telefoon, tablet of laptop per persoon, of een A4 dat in acht vakken is gevouwen", "Dikke stiften", "Een klok die iedereen ziet"],
            ["Leg uit: acht ideeën in acht minuten, ongeveer één per minuut.", "Zeg dat snel belangrijker is dan mooi.",
             "Start de klok en roep elke minuut de tijd.", "Stop na acht minuten, ook als niet alle vakken vol zijn.",
             "Laat iedereen zijn gekste idee kiezen en kort vertellen."],
            ["Tekenen mag in plaats van schrijven.", "Vier ideeën is ook goed: het gaat om het proberen.",
             "Geef wie wil een voorbeeld om mee te beginnen."]),
        new("delen", WorkForm.Sharing,
            "Iedereen ziet wat er geschreven is en kan vragen wat iemand bedoelt. Je oordeelt nog niet.",
            Phase.Empathize, 15, 3, 30,
            ["Een groot scherm of een muur met alle post-its"],
            ["Laat alle post-its zien.", "Loop ze een voor een langs. De schrijver mag iets vertellen, maar hoeft niet.",
             "Laat vragen stellen: wat bedoel je? Kun je een voorbeeld geven?", "Houd oordelen tegen: dat komt later.",
             "Schrijf nieuwe ideeën die ontstaan er meteen bij."],
            ["Lees elke post-it hardop voor.", "Vraag door met korte, open vragen.",
             "Laat mensen in hun eigen woorden vertellen; ervaringskennis telt even zwaar."]),
        new("clusteren", WorkForm.Clustering,
            "De post-its ordenen in groepen. Zo zie je welke onderwerpen vaak terugkomen.",
            Phase.Define, 15, 3, 15,
            ["Een groot scherm of een muur", "Pennen om groepen een naam te geven"],
            ["Kies samen een eerste post-it en zet hem neer.", "Vraag: welke post-it hoort hierbij? Zet die ernaast.",
             "Maak een nieuwe groep als iets nergens bij past.", "Geef elke groep een korte naam.",
             "Kijk samen: welke groep is het grootst? Wat mist er?"],
            ["Geef groepen namen in gewone woorden, zoals „samen eten” in plaats van „sociale cohesie”.",
             "Wijs naar de post-it waar je het over hebt.", "Laat één persoon de post-its verplaatsen en de anderen zeggen waar ze heen gaan."]),
        new("stemmen-met-stippen", WorkForm.DotVoting,
            "Iedereen kiest met een paar stippen wat hij het belangrijkst vindt. Elk perspectief telt even zwaar in de uitslag.",
            Phase.Ideate, 10, 3, 100,
            ["Een telefoon, tablet of laptop per persoon, of drie stickers per persoon"],
            ["Vertel hoeveel stippen iedereen heeft, bijvoorbeeld drie.", "Zeg of iemand meer stippen op één post-it mag zetten.",
             "Geef vijf minuten om te stemmen.", "Sluit de stemming en laat de uitslag zien.",
             "Bekijk de gewone en de evenwichtige uitslag naast elkaar."],
            ["Lees de post-its nog een keer voor voordat iedereen stemt.", "Stemmen met stickers op papier mag ook; de begeleider zet ze daarna over.",
             "Leg uit dat elke stem telt, ook als je twijfelt."]),
        new("bespreken-en-kiezen", WorkForm.DiscussChoose,
            "Samen praten over de uitslag en kiezen welke ideeën jullie verder uitwerken.",
            Phase.Ideate, 20, 3, 20,
            ["De uitslag van de stemming op een scherm"],
            ["Laat de post-its met de meeste stippen zien.", "Vraag per idee: wat is er goed aan? Wat is lastig?",
             "Vraag wie nog iets mist.", "Kies samen twee of drie ideeën om verder uit te werken.",
             "Zet de gekozen ideeën op de draad van het project."],
            ["Vraag eerst de inwoners om hun mening, daarna de professionals.", "Vat elk idee in één zin samen voordat je verder praat.",
             "Vraag aan het eind of iedereen zich gehoord voelt."]),
    ];

    public static BuiltInCard? BySlug(string? slug) => All.FirstOrDefault(c => c.Slug == slug);

    public static BuiltInCard For(WorkForm form) => All.First(c => c.Form == form);
}
