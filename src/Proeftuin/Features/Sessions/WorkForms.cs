namespace Proeftuin.Features.Sessions;

/// <summary>
/// A werkvorm as a starting point for a step: the facilitator can change title, instruction, time and votes afterwards.
/// <see cref="Name"/>, <see cref="Instruction"/> and <see cref="Description"/> are Dutch localizer keys (English in SharedResource.en.resx).
/// </summary>
public sealed record WorkFormTemplate(
    WorkForm Form,
    string Name,
    StepMode Mode,
    int Minutes,
    bool Private,
    int VotesPerPerson,
    string Instruction,
    string Description);

/// <summary>The werkvormen Proeftuin offers, in our own words (Dutch B1).</summary>
public static class WorkForms
{
    public static IReadOnlyList<WorkFormTemplate> All { get; } =
    [
        new(WorkForm.SilentWriting, "Stil schrijven", StepMode.Write, 5, Private: true, VotesPerPerson: 0,
            "Schrijf in stilte je ideeën op. Zet één idee op elke post-it. Niemand ziet je post-its tot de begeleider ze laat zien.",
            "Iedereen denkt eerst alleen na. Zo komen ook de ideeën van stille mensen op tafel."),
        new(WorkForm.Brainwriting635, "Brainwriting 6-3-5", StepMode.Write, 15, Private: false, VotesPerPerson: 0,
            "Schrijf eerst drie ideeën op. Lees daarna de post-its van de anderen en bouw erop verder: maak een idee beter of schrijf een nieuw idee dat erbij past.",
            "Je bouwt verder op elkaars ideeën. Op papier gaat een blad langs zes mensen. Hier zie je de post-its van de anderen op je scherm."),
        new(WorkForm.CrazyEights, "Crazy 8's", StepMode.Write, 8, Private: true, VotesPerPerson: 0,
            "Bedenk acht ideeën in acht minuten, dus ongeveer één per minuut. Snel is belangrijker dan mooi. Gekke ideeën zijn ook welkom.",
            "Een snelle schrijfronde. Door de korte tijd kom je verder dan je eerste idee."),
        new(WorkForm.Sharing, "Delen", StepMode.Share, 10, Private: false, VotesPerPerson: 0,
            "Lees de post-its van iedereen. Vraag door als iets niet duidelijk is. Je geeft nog geen oordeel.",
            "Iedereen ziet alle post-its. De begeleider kan ze één voor één laten zien en erover laten vertellen."),
        new(WorkForm.Clustering, "Clusteren", StepMode.Cluster, 10, Private: false, VotesPerPerson: 0,
            "Zet post-its die bij elkaar horen in dezelfde groep. Geef elke groep een korte naam.",
            "Samen ordenen jullie de post-its in groepen. Zo zie je welke onderwerpen vaak terugkomen."),
        new(WorkForm.DotVoting, "Stemmen met stippen", StepMode.Vote, 5, Private: false, VotesPerPerson: 3,
            "Zet je stippen op de post-its die jij het belangrijkst vindt. Je ziet de uitslag als de stemming dicht is.",
            "Iedereen kiest met een paar stippen. In de uitslag telt elk perspectief even zwaar: ervaring, beroep en onderzoek."),
        new(WorkForm.DiscussChoose, "Bespreken en kiezen", StepMode.Discuss, 15, Private: false, VotesPerPerson: 0,
            "Bespreek de post-its met de meeste stippen. Kies samen welke ideeën jullie verder uitwerken.",
            "Jullie praten over de uitslag en maken samen een keuze. Gekozen ideeën kunnen naar de draad van het project."),
    ];

    /// <summary>The template of a werkvorm; every <see cref="WorkForm"/> value has one.</summary>
    public static WorkFormTemplate For(WorkForm f) =>
        All.FirstOrDefault(t => t.Form == f) ?? throw new ArgumentOutOfRangeException(nameof(f), f, "No template for this werkvorm.");

    /// <summary>Dutch name of a step mode (a localizer key).</summary>
    public static string Label(this StepMode m) => m switch
    {
        StepMode.Write => "Schrijven",
        StepMode.Share => "Delen",
        StepMode.Cluster => "Clusteren",
        StepMode.Vote => "Stemmen",
        StepMode.Discuss => "Bespreken",
        _ => m.ToString(),
    };

    /// <summary>What a participant can do while a step of this mode runs: one B1 sentence (a localizer key).</summary>
    public static string WhatYouCanDo(this StepMode m) => m switch
    {
        StepMode.Write => "Je schrijft je ideeën op post-its en je kunt je eigen post-its nog aanpassen.",
        StepMode.Share => "Je leest de post-its van iedereen en stelt een vraag als iets niet duidelijk is.",
        StepMode.Cluster => "Je zet post-its die bij elkaar horen samen in een groep.",
        StepMode.Vote => "Je zet je stippen op de post-its die jij het belangrijkst vindt.",
        StepMode.Discuss => "Je praat mee over de uitslag en helpt kiezen welke ideeën verder gaan.",
        _ => m.ToString(),
    };
}
