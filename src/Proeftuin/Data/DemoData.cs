using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Members;
using Proeftuin.Features.News;
using Proeftuin.Features.Programmes;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Data;

public sealed record DemoUser(string Email, string DisplayName, Perspective Perspective, string RoleDescription);

/// <summary>
/// Demo content for an empty database when Demo:Seed is on (default in Development): the programme
/// "Sociale innovatie" with partners, sub-projects in different phases, news and a person for every role.
/// </summary>
public static class DemoData
{
    public const string Password = "proeftuin-demo";

    public static readonly DemoUser[] Users =
    [
        new("beheerder@proeftuin.demo", "Bram Beheer", Perspective.Professional, "Beheerder van het platform"),
        new("procesbegeleider@proeftuin.demo", "Fatima el Amrani", Perspective.Professional, "Procesbegeleider (lectoraat)"),
        new("onderzoeker@proeftuin.demo", "Joost Hendriks", Perspective.Scientific, "Onderzoeker en evaluator"),
        new("inwoner@proeftuin.demo", "Ans de Vries", Perspective.Experience, "Inwoner en ervaringsdeskundige"),
        new("wijkteam@proeftuin.demo", "Mark Jansen", Perspective.Professional, "Professional in het wijkteam"),
        new("beleid@proeftuin.demo", "Petra Smit", Perspective.Professional, "Beleidsadviseur, toeschouwer"),
        // Review board (issue 13): an external reviewer of "Samen tegen eenzaamheid" (observer with the reviewer flag).
        new("reviewer@proeftuin.demo", "Marleen Bakker", Perspective.Scientific, "Externe reviewer (lectoraat)"),
    ];

    /// <summary>Never in Production: the demo admin's password is published on the start page and in the README.</summary>
    public static bool Enabled(IConfiguration config, IHostEnvironment env) =>
        !env.IsProduction() && (config.GetValue<bool?>("Demo:Seed") ?? env.IsDevelopment());

    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        if (!Enabled(app.Configuration, app.Environment)) return;
        await SeedEmptyAsync(app.Services);
    }

    /// <summary>The demo content, only into a database without programmes; also the base of the scale data (<c>ScaleData</c>).</summary>
    internal static async Task SeedEmptyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Programmes.AnyAsync()) return;

        var clock = sp.GetRequiredService<TimeProvider>();
        var markdown = sp.GetRequiredService<Markdown>();
        var usersManager = sp.GetRequiredService<UserManager<AppUser>>();
        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        var now = clock.GetUtcNow().UtcDateTime;

        var users = new Dictionary<string, AppUser>();
        foreach (var d in Users)
        {
            var user = await usersManager.FindByEmailAsync(d.Email);
            if (user is null)
            {
                user = new AppUser { UserName = d.Email, Email = d.Email, EmailConfirmed = true, DisplayName = d.DisplayName, DefaultPerspective = d.Perspective, CreatedAt = now };
                var created = await usersManager.CreateAsync(user, Password);
                if (!created.Succeeded) throw new InvalidOperationException("Demo user could not be created: " + string.Join(", ", created.Errors.Select(e => e.Description)));
            }
            users[d.Email.Split('@')[0]] = user;
        }
        if (!await roles.RoleExistsAsync(Caller.AdminRole)) await roles.CreateAsync(new IdentityRole(Caller.AdminRole));
        await usersManager.AddToRoleAsync(users["beheerder"], Caller.AdminRole);

        var themes = new[] { "armoede", "eenzaamheid", "werkloosheid", "schulden", "gezondheid", "bestaanszekerheid", "mantelzorg", "participatie" }
            .ToDictionary(n => n, n => db.Themes.Local.FirstOrDefault(t => t.Name == n) ?? new Theme { Name = n });
        foreach (var t in themes.Values.Where(t => t.Id == 0)) db.Themes.Add(t);

        var programme = new Programme
        {
            Title = "Sociale innovatie",
            Introduction = "Een programma van het lectoraat Innovatie in de Publieke Sector. Samen met inwoners, professionals en onderzoekers werken we aan vraagstukken in het sociaal domein: van inleven tot testen in de praktijk. Ervaringskennis, professionele kennis en wetenschappelijke kennis tellen even zwaar.",
            CreatedAt = now.AddMonths(-8),
            Partners =
            [
                new Partner { Name = "Gemeente Nijmegen", Url = "https://www.nijmegen.nl/" },
                new Partner { Name = "Nederland Kennisland", Url = "https://www.kl.nl/" },
                new Partner { Name = "Lentekracht", Url = "https://www.lentekracht.nl/" },
            ],
        };
        db.Programmes.Add(programme);

        Project P(string title, string question, string description, Phase phase, Domains domains, Visibility visibility, params string[] themeNames) => new()
        {
            Programme = programme,
            Title = title,
            CentralQuestion = question,
            Description = description,
            Phase = phase,
            Domains = domains,
            Visibility = visibility,
            Status = ProjectStatus.Active,
            CreatedAt = now.AddMonths(-6),
            Themes = themeNames.Select(n => themes[n]).ToList(),
        };

        var lonely = P("Samen tegen eenzaamheid in de wijk",
            "Hoe kunnen we ervoor zorgen dat bewoners van Hatert zich minder alleen voelen, met hulp van elkaar?",
            "Inwoners, het wijkteam en de hogeschool onderzoeken samen wat eenzaamheid doorbreekt. We beginnen bij de verhalen van bewoners.",
            Phase.Define, Domains.Care | Domains.Housing, Visibility.Open, "eenzaamheid", "participatie");
        var poverty = P("Armoede en schulden",
            "Hoe kunnen we gezinnen met schulden eerder en menselijker helpen?",
            "Samen met ervaringsdeskundigen kijken we naar de weg die gezinnen afleggen van de eerste betalingsachterstand tot hulp.",
            Phase.Empathize, Domains.Income | Domains.Care, Visibility.Open, "armoede", "schulden", "bestaanszekerheid");
        var work = P("Van uitkering naar werk",
            "Hoe kunnen we mensen in de bijstand helpen aan werk dat bij hen past, zonder dat ze inkomen verliezen?",
            "Een proeftuin met regelruimte in de Participatiewet, samen met werkgevers en werkzoekenden.",
            Phase.Ideate, Domains.Labour | Domains.Income, Visibility.MembersOnly, "werkloosheid", "bestaanszekerheid");
        var ehealth = P("Proeftuin e-health in de eerstelijnszorg",
            "Hoe kunnen we e-health zo inzetten dat het de zorg in de wijk echt makkelijker maakt?",
            "Het Field Lab Eerstelijnszorg test met huisartsen, wijkverpleging en patiënten kleine digitale oplossingen in de praktijk.",
            Phase.Prototype, Domains.Care, Visibility.Open, "gezondheid", "mantelzorg");
        var buurtkamer = P("Buurtkamer als ontmoetingsplek",
            "Hoe kunnen we een buurtkamer maken waar bewoners elkaar vanzelf ontmoeten?",
            "Een deelproject van Samen tegen eenzaamheid: we proberen een buurtkamer uit, klein en snel.",
            Phase.Prototype, Domains.Care | Domains.Housing, Visibility.Open, "eenzaamheid");
        buurtkamer.ParentProject = lonely;
        db.Projects.AddRange(lonely, poverty, work, ehealth, buurtkamer);

        void Member(Project p, string user, ProjectRole role, Perspective? perspective = null, bool reviewer = false) =>
            p.Members.Add(new Membership { User = users[user], Role = role, Perspective = perspective ?? users[user].DefaultPerspective, JoinedAt = now.AddMonths(-5), Reviewer = reviewer });
        foreach (var p in new[] { lonely, poverty, work, ehealth, buurtkamer })
        {
            Member(p, "procesbegeleider", ProjectRole.Facilitator);
            Member(p, "onderzoeker", ProjectRole.Evaluator);
        }
        Member(lonely, "inwoner", ProjectRole.Member);
        Member(lonely, "wijkteam", ProjectRole.Member);
        Member(lonely, "beleid", ProjectRole.Observer);
        Member(lonely, "reviewer", ProjectRole.Observer, reviewer: true);
        Member(poverty, "inwoner", ProjectRole.Member);
        Member(work, "wijkteam", ProjectRole.Member);
        Member(ehealth, "wijkteam", ProjectRole.Member);
        Member(buurtkamer, "inwoner", ProjectRole.Member);

        void Move(Project p, params (Phase? From, Phase To, string Reason, int DaysAgo)[] steps)
        {
            foreach (var s in steps)
                p.PhaseHistory.Add(new PhaseTransition { FromPhase = s.From, ToPhase = s.To, Reason = s.Reason, ByUserId = users["procesbegeleider"].Id, At = now.AddDays(-s.DaysAgo) });
        }
        Move(lonely, (null, Phase.Empathize, "Project gestart", 180), (Phase.Empathize, Phase.Define, "We hebben 24 verhalen van bewoners opgehaald; de patronen zijn duidelijk genoeg om behoeften te benoemen.", 60));
        Move(poverty, (null, Phase.Empathize, "Project gestart", 120));
        Move(work, (null, Phase.Empathize, "Project gestart", 200), (Phase.Empathize, Phase.Define, "Gesprekken met werkzoekenden en werkgevers afgerond.", 150),
            (Phase.Define, Phase.Ideate, "De 'Hoe kunnen we'-vragen zijn getoetst bij de klankbordgroep.", 90));
        Move(ehealth, (null, Phase.Empathize, "Project gestart", 300), (Phase.Empathize, Phase.Define, "Knelpunten van patiënten en zorgverleners in kaart.", 240),
            (Phase.Define, Phase.Ideate, "Vraag scherp: minder schakelen tussen systemen.", 200), (Phase.Ideate, Phase.Prototype, "Drie ideeën gekozen om uit te proberen.", 150),
            (Phase.Prototype, Phase.Ideate, "Het eerste prototype paste niet bij oudere patiënten; terug naar ideeën.", 110), (Phase.Ideate, Phase.Prototype, "Nieuw, eenvoudiger prototype.", 60));
        Move(buurtkamer, (null, Phase.Empathize, "Deelproject gestart", 50), (Phase.Empathize, Phase.Prototype, "We gebruiken de inzichten van het hoofdproject en gaan meteen uitproberen.", 30));

        void News(Programme? prog, Project? proj, string title, string body, int daysAgo) =>
            db.NewsItems.Add(new NewsItem
            {
                ProgrammeId = prog?.Id,
                ProjectId = proj?.Id,
                Title = title,
                BodyMarkdown = body,
                BodyHtml = markdown.ToSafeHtml(body),
                PublishedAt = now.AddDays(-daysAgo),
                AuthorId = users["procesbegeleider"].Id,
            });
        await db.SaveChangesAsync();

        News(programme, null, "Pilot Lerend Evalueren van start",
            "Met de pilot **Lerend Evalueren** leren we tijdens projecten, niet pas achteraf. Evaluatoren en deelnemers stellen samen *leervragen* en kijken elke fase terug: wat werkt, voor wie, en waarom?", 20);
        News(programme, null, "Boek: de innovatiereis van het Field Lab Eerstelijnszorg",
            "Het Field Lab Eerstelijnszorg beschrijft in een nieuw boek zijn **innovatiereis**: de kwesties, leermomenten en antwoorden onderweg. Een reisgids voor wie zelf een proeftuin begint.", 45);
        News(null, lonely, "24 verhalen opgehaald in Hatert",
            "Bewoners vertelden aan de keukentafel over momenten waarop ze zich alleen voelden, en wat toen hielp. Dank aan iedereen die meedeed!", 62);
        await db.SaveChangesAsync();
        await DemoThread.SeedAsync(db, markdown, lonely, users, now);
        await DemoSessions.SeedAsync(db, markdown, lonely, users, now);
        await DemoProeftuin.SeedAsync(db, markdown, lonely, users, now);
        await DemoLearning.SeedAsync(db, markdown, lonely, users, now);
        await DemoJourney.SeedAsync(db, markdown, lonely, users, now);
        await DemoLessons.SeedAsync(db, markdown, new Dictionary<string, Project>
        {
            ["lonely"] = lonely,
            ["poverty"] = poverty,
            ["work"] = work,
            ["ehealth"] = ehealth,
            ["buurtkamer"] = buurtkamer,
        }, users, now);
        await DemoMethodCards.SeedAsync(db, markdown, lonely, users, now);
        await DemoReflections.SeedAsync(db, markdown, lonely, users, now);
        await DemoReview.SeedAsync(db, markdown, lonely, users, now);
        await DemoModeration.SeedAsync(db, markdown, lonely, users, now);
        await DemoActivities.SeedAsync(db, markdown, lonely, users, now);
        await DemoInitiatives.SeedAsync(db, markdown, lonely, users, now);
        await DemoFollows.SeedAsync(db, lonely, users, now);
        await DemoOffers.SeedAsync(db, markdown, lonely, users, now);
    }
}
