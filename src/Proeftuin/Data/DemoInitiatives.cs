using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Thread;
using Proeftuin.Features.Initiatives;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Data;

/// <summary>
/// Initiatives in the demo (issue 14): one grown from the idea "Een open huis op zondag" with pledges one short of its
/// threshold (the next pledge reaches it), a repair café in the programme that reached its threshold, and a Right to
/// Challenge (residents take over the green of the square) with the municipality's response.
/// </summary>
internal static class DemoInitiatives
{
    public const string AlmostTitle = "Zondagse soep in Buurtkamer De Linde";
    public const string ReachedTitle = "Repair café in de bibliotheek";
    public const string ChallengeTitle = "Bewoners beheren het groen op het Hatertse plein";

    public static async Task SeedAsync(AppDbContext db, Markdown markdown, Project lonely, IReadOnlyDictionary<string, AppUser> users, DateTime now)
    {
        var idea = await db.Items.OfType<Idea>().Where(i => i.ProjectId == lonely.Id && i.Title == "Een open huis op zondag").Select(i => (int?)i.Id).FirstOrDefaultAsync();

        Initiative Start(InitiativeType type, string title, string what, string why, string forWhom, string needed, int threshold, string starter, int daysAgo, int? projectId, int? from)
        {
            var at = now.AddDays(-daysAgo);
            var i = new Initiative
            {
                ProgrammeId = lonely.ProgrammeId,
                ProjectId = projectId,
                Type = type,
                Title = title,
                What = what,
                WhatHtml = markdown.ToSafeHtml(what),
                Why = why,
                WhyHtml = markdown.ToSafeHtml(why),
                ForWhom = forWhom,
                ForWhomHtml = markdown.ToSafeHtml(forWhom),
                Needed = needed,
                NeededHtml = markdown.ToSafeHtml(needed),
                Threshold = threshold,
                RespondsToItemId = from,
                StarterId = users[starter].Id,
                Status = InitiativeStatus.Received,
                CreatedAt = at,
                UpdatedAt = at,
            };
            i.Initiators.Add(new InitiativeInitiator { UserId = users[starter].Id, AddedAt = at });
            db.Add(i);
            return i;
        }
        var pledges = new List<(Initiative Initiative, Pledge Pledge)>();
        void Pledge(Initiative i, string who, PledgeKind kind, int daysAgo, int? hours = null, string? bring = null, int? ifOthers = null) =>
            pledges.Add((i, new Pledge
            {
                UserId = users[who].Id,
                Kind = kind,
                HoursPerWeek = hours,
                Bring = bring,
                IfOthers = ifOthers,
                Perspective = users[who].DefaultPerspective,
                CreatedAt = now.AddDays(-daysAgo),
            }));

        var almost = Start(InitiativeType.NeighbourhoodActivity, AlmostTitle,
            "Elke zondag om 12 uur samen soep eten in Buurtkamer De Linde. Wie wil, kookt mee; wie wil, komt alleen eten.",
            "Op zondag is het stil in de wijk. Uit de verhalen bleek dat juist dan mensen zich alleen voelen. Het **open huis op zondag** werkte; met soep komen er meer mensen.",
            "Voor iedereen in Hatert, vooral voor wie op zondag niemand spreekt.",
            "Vijf vaste koks, een grote pan, groente van de markt en iemand met de sleutel.",
            5, "inwoner", 12, lonely.Id, idea);
        Pledge(almost, "inwoner", PledgeKind.Hours, 12, hours: 3);
        Pledge(almost, "wijkteam", PledgeKind.Bring, 10, bring: "de sleutel van de buurtkamer en een grote pan");
        Pledge(almost, "onderzoeker", PledgeKind.JoinIn, 8, ifOthers: 2);
        Pledge(almost, "procesbegeleider", PledgeKind.Bring, 6, bring: "brood en koffie");

        var reached = Start(InitiativeType.NeighbourhoodActivity, ReachedTitle,
            "Eén zaterdag per maand repareren we samen kapotte spullen in de bibliotheek: lampen, kleding, fietsen en koffiezetapparaten.",
            "Repareren is goedkoper dan nieuw kopen, en je leert je buren kennen.",
            "Voor alle bewoners van de wijken in het programma.",
            "Handige mensen, gereedschap en koffie.",
            3, "wijkteam", 30, null, null);
        Pledge(reached, "wijkteam", PledgeKind.Hours, 30, hours: 2);
        Pledge(reached, "inwoner", PledgeKind.Bring, 28, bring: "mijn naaimachine");
        Pledge(reached, "procesbegeleider", PledgeKind.JoinIn, 25);
        reached.ReachedAt = now.AddDays(-25);
        reached.Status = InitiativeStatus.Supported;

        var challenge = Start(InitiativeType.RightToChallenge, ChallengeTitle,
            "Bewoners nemen het onderhoud van het groen op het Hatertse plein over van de gemeente: maaien, snoeien en nieuwe planten.",
            "Het plein ziet er verwaarloosd uit. Bewoners willen er trots op zijn en er elkaar ontmoeten. Het geld voor het onderhoud gaat dan naar de bewonersvereniging.",
            "Voor de bewoners rond het plein en iedereen die er langs loopt.",
            "Tien vaste vrijwilligers, gereedschap, een afspraak met de gemeente over geld en verzekering.",
            10, "inwoner", 20, lonely.Id, null);
        Pledge(challenge, "wijkteam", PledgeKind.Hours, 18, hours: 1, ifOthers: 4);
        challenge.Status = InitiativeStatus.InTalks;
        await db.SaveChangesAsync();

        foreach (var (initiative, pledge) in pledges)
        {
            pledge.InitiativeId = initiative.Id;
            db.Add(pledge);
        }
        void Respond(Initiative i, InitiativeStatus status, string reasons, int daysAgo) =>
            db.Add(new InitiativeResponse { InitiativeId = i.Id, Status = status, Reasons = reasons, ReasonsHtml = markdown.ToSafeHtml(reasons), ByUserId = users["procesbegeleider"].Id, At = now.AddDays(-daysAgo) });
        Respond(reached, InitiativeStatus.Supported, "De bibliotheek stelt elke eerste zaterdag van de maand de leeszaal beschikbaar. Het programma betaalt het gereedschap.", 24);
        Respond(challenge, InitiativeStatus.InTalks,
            "De gemeente vindt het een goed plan. We willen eerst praten over **de verzekering** en over hoeveel geld er naar de bewonersvereniging gaat. De wijkbeheerder neemt contact op.", 15);
        await db.SaveChangesAsync();
    }
}
