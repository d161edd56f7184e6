using System.Globalization;
using System.Text;
using System.Text.Json;
using Proeftuin.Features.Activities;
using Proeftuin.Features.Dashboard;
using Proeftuin.Features.Initiatives;
using Proeftuin.Features.Programmes;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Shared;
using Proeftuin.Tests.Initiatives;

namespace Proeftuin.Tests.Dashboard;

/// <summary>
/// The programme dashboard (/programmas/{id}/overzicht, its CSV and GET /api/v1/programmes/{id}/dashboard): what it
/// counts in which Dutch month, that a members-only project's numbers reach only who may read it, and what it costs.
/// Each test makes a programme of its own, so the demo's projects do not count along.
/// </summary>
public sealed class ProgrammeDashboardTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Secret = "Geheimproject";

    private sealed record World(int ProgrammeId, TeamProject Open, TeamProject Closed, DateOnly ThisMonth, DateOnly LastMonth, string OpenTitle, string ClosedTitle);

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Noon on the 15th of a Dutch month, in UTC: safely inside the month.</summary>
    private static DateTime Mid(DateOnly month) => Dates.StartUtc(month.AddDays(14)).AddHours(12);

    private Task<int> ProgrammeAsync() =>
        factory.WithDbAsync(async db =>
        {
            var p = new Programme { Title = "Programma " + Guid.NewGuid().ToString("N")[..8], Introduction = "Voor de test.", CreatedAt = DateTime.UtcNow };
            db.Programmes.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });

    private async Task<TeamProject> ProjectInAsync(int programmeId, string title, Visibility visibility, Phase phase)
    {
        var team = await factory.Data.TeamProjectAsync(visibility, phase);
        await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == team.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ProgrammeId, programmeId).SetProperty(p => p.Title, title)));
        return team;
    }

    private Task<int> StoryAtAsync(int projectId, DateTime at, bool withdrawn = false, bool hidden = false) =>
        factory.WithDbAsync(async db =>
        {
            var story = new Story
            {
                ProjectId = projectId,
                Title = "Verhaal " + Guid.NewGuid().ToString("N")[..6],
                Text = "Het was stil.",
                Html = "<p>Het was stil.</p>",
                Scope = ConsentScope.Team,
                KnowledgeSource = Perspective.Experience,
                CreatedAt = at,
                UpdatedAt = at,
                ConsentAt = at,
                WithdrawnAt = withdrawn ? at : null,
                HiddenAt = hidden ? at : null,
                SearchTerms = " verhaal ",
            };
            db.Stories.Add(story);
            await db.SaveChangesAsync();
            return story.Id;
        });

    private Task<int> SessionWithParticipantsAsync(int projectId, params DateTime[] joined) =>
        factory.WithDbAsync(async db =>
        {
            var session = new LiveSession
            {
                ProjectId = projectId,
                Title = "Sessie",
                State = SessionState.Closed,
                JoinCode = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
                CreatedAt = Now,
            };
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            foreach (var at in joined)
                db.Participants.Add(new Participant { SessionId = session.Id, GuestKeyHash = Guid.NewGuid().ToString("N"), DisplayName = "Gast", JoinedAt = at });
            await db.SaveChangesAsync();
            return session.Id;
        });

    private Task PledgesAsync(int initiativeId, params (DateTime At, bool Withdrawn)[] pledges) =>
        factory.WithDbAsync(async db =>
        {
            foreach (var (at, withdrawn) in pledges)
                db.Add(new Pledge { InitiativeId = initiativeId, Kind = PledgeKind.JoinIn, CreatedAt = at, WithdrawnAt = withdrawn ? at.AddHours(1) : null });
            return await db.SaveChangesAsync();
        });

    private Task RegistrationsAsync(int activityId, params (DateTime At, RegistrationStatus Status)[] registrations) =>
        factory.WithDbAsync(async db =>
        {
            foreach (var (at, status) in registrations)
            {
                var n = Guid.NewGuid().ToString("N")[..8];
                db.Add(new ActivityRegistration
                {
                    ActivityId = activityId,
                    GuestName = "Gast " + n,
                    GuestEmail = $"gast-{n}@example.nl",
                    Status = status,
                    CreatedAt = at,
                    CancelledAt = status == RegistrationStatus.Cancelled ? at.AddHours(1) : null,
                });
            }
            return await db.SaveChangesAsync();
        });

    private Task<int> ActivityAsync(int programmeId, int? projectId, string title, DateTime startsAt, bool cancelled = false) =>
        factory.WithDbAsync(async db =>
        {
            var a = new Activity
            {
                ProgrammeId = programmeId,
                ProjectId = projectId,
                Type = ActivityType.Meeting,
                Title = title,
                Place = "Buurthuis",
                StartsAt = startsAt,
                EndsAt = startsAt.AddHours(2),
                CreatedAt = Now,
                UpdatedAt = Now,
                CancelledAt = cancelled ? Now : null,
            };
            db.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });

    private Task HideInitiativeAsync(int id) =>
        factory.WithDbAsync(db => db.Set<Initiative>().Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.HiddenAt, DateTime.UtcNow)));

    /// <summary>
    /// An open project and a members-only one in a new programme, with stories, session participants, pledges and
    /// registrations in this month and the last (and some that must not count), initiatives and activities.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var programmeId = await ProgrammeAsync();
        // A title that a spreadsheet would run as a formula: the CSV must defuse it.
        var openTitle = "=Buurtproject " + Guid.NewGuid().ToString("N")[..6];
        var closedTitle = Secret + " " + Guid.NewGuid().ToString("N")[..6];
        var open = await ProjectInAsync(programmeId, openTitle, Visibility.Open, Phase.Empathize);
        var closed = await ProjectInAsync(programmeId, closedTitle, Visibility.MembersOnly, Phase.Define);
        var months = GetProgrammeDashboard.LastMonths(Now);
        var thisMonth = months[^1];
        var lastMonth = months[^2];
        var (now, before) = (Mid(thisMonth), Mid(lastMonth));

        // Stories of the open project: two this month (one half an hour into the Dutch month, still the day before in
        // UTC), one last month; withdrawn, hidden and older than twelve months: not counted per month.
        await StoryAtAsync(open.Id, now);
        await StoryAtAsync(open.Id, Dates.StartUtc(thisMonth).AddMinutes(30));
        await StoryAtAsync(open.Id, before);
        await StoryAtAsync(open.Id, now, withdrawn: true);
        await StoryAtAsync(open.Id, now, hidden: true);
        await StoryAtAsync(open.Id, Mid(thisMonth.AddMonths(-13)));
        await factory.WithDbAsync(async db =>
        {
            db.Items.Add(new Insight { ProjectId = open.Id, Title = "Inzicht", KnowledgeSource = Perspective.Scientific, CreatedAt = now, UpdatedAt = now, SearchTerms = " inzicht " });
            return await db.SaveChangesAsync();
        });
        await SessionWithParticipantsAsync(open.Id, now, now, before);

        var openInitiative = await factory.InitiativeAsync(programmeId, open.Id, open.Member.Id, "Soep op zondag");
        await PledgesAsync(openInitiative, (now, false), (now, true), (before, false));
        var programmeInitiative = await factory.InitiativeAsync(programmeId, null, open.Member.Id, "Bankjes op het plein", status: InitiativeStatus.InTalks);
        await PledgesAsync(programmeInitiative, (now, false));
        var hiddenInitiative = await factory.InitiativeAsync(programmeId, open.Id, open.Member.Id, "Verborgen initiatief", status: InitiativeStatus.Supported);
        await PledgesAsync(hiddenInitiative, (now, false));
        await HideInitiativeAsync(hiddenInitiative);

        var walk = await ActivityAsync(programmeId, open.Id, "Wandeling langs de bankjes", Now.AddDays(7));
        await RegistrationsAsync(walk, (now, RegistrationStatus.Registered), (now, RegistrationStatus.Cancelled), (before, RegistrationStatus.WaitingList));
        await ActivityAsync(programmeId, null, "Programmadag", Now.AddDays(10));
        await ActivityAsync(programmeId, open.Id, "Afgelaste avond", Now.AddDays(3), cancelled: true);
        await ActivityAsync(programmeId, open.Id, "Vorige maand geweest", Now.AddDays(-30));

        // The members-only project: one of each, all this month.
        await StoryAtAsync(closed.Id, now);
        await SessionWithParticipantsAsync(closed.Id, now);
        var closedInitiative = await factory.InitiativeAsync(programmeId, closed.Id, closed.Member.Id, Secret + " initiatief", status: InitiativeStatus.NotNow);
        await PledgesAsync(closedInitiative, (now, false));
        var closedActivity = await ActivityAsync(programmeId, closed.Id, Secret + " activiteit", Now.AddDays(5));
        await RegistrationsAsync(closedActivity, (now, RegistrationStatus.Registered));
        return new World(programmeId, open, closed, thisMonth, lastMonth, openTitle, closedTitle);
    }

    private static async Task<JsonDocument> JsonAsync(Browser browser, string url)
    {
        using var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static JsonElement Month(JsonDocument doc, DateOnly month) =>
        doc.RootElement.GetProperty("participation").EnumerateArray().Single(m => m.GetProperty("month").GetString() == month.ToString("yyyy-MM", CultureInfo.InvariantCulture));

    private static int[] Counts(JsonElement month) =>
        [month.GetProperty("stories").GetInt32(), month.GetProperty("sessionParticipants").GetInt32(), month.GetProperty("pledges").GetInt32(), month.GetProperty("registrations").GetInt32()];

    [Fact]
    public async Task The_dashboard_counts_per_Dutch_month_and_leaves_out_withdrawn_hidden_and_cancelled()
    {
        var w = await WorldAsync();
        using var anonymous = factory.NewBrowser();
        using var doc = await JsonAsync(anonymous, $"/api/v1/programmes/{w.ProgrammeId}/dashboard");
        var root = doc.RootElement;
        Assert.Equal(w.ProgrammeId, root.GetProperty("programmeId").GetInt32());
        var months = root.GetProperty("participation").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(w.ThisMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), months[^1].GetProperty("month").GetString());
        // Stories, session participants, pledges (the open project's and the programme's), registrations (waiting list counts).
        Assert.Equal([2, 2, 2, 1], Counts(Month(doc, w.ThisMonth)));
        Assert.Equal([1, 1, 1, 1], Counts(Month(doc, w.LastMonth)));
        Assert.All(months.Take(10), m => Assert.Equal([0, 0, 0, 0], Counts(m)));

        // Phases: only the open project; every phase is named.
        var phases = root.GetProperty("projectsPerPhase");
        Assert.Equal(1, phases.GetProperty("Empathize").GetInt32());
        Assert.Equal(0, phases.GetProperty("Define").GetInt32());
        Assert.Equal(5, phases.EnumerateObject().Count());
        var project = Assert.Single(root.GetProperty("projects").EnumerateArray());
        Assert.Equal(w.Open.Id, project.GetProperty("id").GetInt32());
        Assert.Equal("Empathize", project.GetProperty("phase").GetString());
        Assert.Equal("Active", project.GetProperty("status").GetString());
        // The balance over all phases: four stories (the old one too), one insight; not the withdrawn or hidden story.
        var balance = project.GetProperty("knowledgeBalance");
        Assert.Equal(4, balance.GetProperty("Experience").GetInt32());
        Assert.Equal(0, balance.GetProperty("Professional").GetInt32());
        Assert.Equal(1, balance.GetProperty("Scientific").GetInt32());

        // Initiatives: the hidden one and the members-only project's are left out.
        var statuses = root.GetProperty("initiativesPerStatus");
        Assert.Equal(1, statuses.GetProperty("received").GetInt32());
        Assert.Equal(1, statuses.GetProperty("inTalks").GetInt32());
        Assert.Equal(0, statuses.GetProperty("supported").GetInt32());
        Assert.Equal(0, statuses.GetProperty("notNow").GetInt32());

        // Upcoming, soonest first: not the cancelled one, not the past one, not the members-only project's.
        Assert.Equal(["Wandeling langs de bankjes", "Programmadag"], root.GetProperty("upcomingActivities").EnumerateArray().Select(a => a.GetProperty("title").GetString()));
        Assert.DoesNotContain(Secret, doc.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_members_only_project_counts_only_for_who_may_read_it()
    {
        var w = await WorldAsync();
        var outsider = await factory.Data.TeamProjectAsync();
        using var anonymous = factory.NewBrowser();
        using var stranger = await factory.SignInAsync(outsider.Facilitator.Email!);
        foreach (var browser in new[] { anonymous, stranger })
        {
            using var doc = await JsonAsync(browser, $"/api/v1/programmes/{w.ProgrammeId}/dashboard");
            Assert.Equal([2, 2, 2, 1], Counts(Month(doc, w.ThisMonth)));
            Assert.DoesNotContain(Secret, doc.RootElement.GetRawText(), StringComparison.Ordinal);
            var page = await browser.OpenAsync($"/programmas/{w.ProgrammeId}/overzicht");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain(Secret, page.Text, StringComparison.Ordinal);
            using var csv = await browser.GetAsync($"/programmas/{w.ProgrammeId}/overzicht.csv");
            Assert.DoesNotContain(Secret, await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Its observer reads it: its numbers count, and it is listed.
        using var observer = await factory.SignInAsync(w.Closed.Observer.Email!);
        using (var doc = await JsonAsync(observer, $"/api/v1/programmes/{w.ProgrammeId}/dashboard"))
        {
            Assert.Equal([3, 3, 3, 2], Counts(Month(doc, w.ThisMonth)));
            Assert.Equal(1, doc.RootElement.GetProperty("projectsPerPhase").GetProperty("Define").GetInt32());
            Assert.Equal(1, doc.RootElement.GetProperty("initiativesPerStatus").GetProperty("notNow").GetInt32());
            Assert.Equal(2, doc.RootElement.GetProperty("projects").GetArrayLength());
            Assert.Contains(doc.RootElement.GetProperty("upcomingActivities").EnumerateArray(), a => a.GetProperty("title").GetString()!.StartsWith(Secret, StringComparison.Ordinal));
        }
        var seen = await observer.OpenAsync($"/programmas/{w.ProgrammeId}/overzicht");
        Assert.Contains(w.ClosedTitle, seen.Text, StringComparison.Ordinal);
        // No names of people, for anyone: not the starter of an initiative, not the facilitators.
        Assert.DoesNotContain(w.Open.Member.DisplayName, seen.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Closed.Facilitator.DisplayName, seen.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_draws_each_part_with_a_table_and_links_from_the_programme_page()
    {
        var w = await WorldAsync();
        using var anonymous = factory.NewBrowser();
        var programme = await anonymous.OpenAsync($"/programmas/{w.ProgrammeId}");
        Assert.Contains(programme.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/programmas/{w.ProgrammeId}/overzicht" && a.TextContent.Trim() == "Overzicht");

        var page = await anonymous.OpenAsync($"/programmas/{w.ProgrammeId}/overzicht");
        var svgs = page.Document.QuerySelectorAll("svg[role=img]");
        Assert.Equal(4, svgs.Length);
        Assert.All(svgs, s => Assert.NotNull(s.QuerySelector("title")));
        Assert.All(svgs, s => Assert.NotNull(s.QuerySelector("desc")));
        // Four lines, one per series.
        Assert.Equal(4, svgs[0].QuerySelectorAll("polyline").Length);
        var tables = page.Document.QuerySelectorAll("table");
        Assert.Equal(4, tables.Length);
        Assert.All(tables, t => Assert.NotNull(t.QuerySelector("caption")));
        Assert.All(tables, t => Assert.All(t.QuerySelectorAll("th"), th => Assert.False(string.IsNullOrEmpty(th.GetAttribute("scope")))));
        var participation = page.Document.QuerySelector("section[aria-labelledby=deelname] tbody")!.QuerySelectorAll("tr");
        Assert.Equal(12, participation.Length);
        Assert.Equal(["2", "2", "2", "1"], participation[^1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var upcoming = page.Document.QuerySelector("section[aria-labelledby=activiteiten]")!.TextContent;
        Assert.Contains("Wandeling langs de bankjes", upcoming, StringComparison.Ordinal);
        Assert.DoesNotContain("Afgelaste avond", upcoming, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/programmas/{w.ProgrammeId}/overzicht.csv");
        Assert.Empty(page.Document.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task The_CSV_opens_in_Dutch_Excel_with_a_header_row_and_defused_titles()
    {
        var w = await WorldAsync();
        using var anonymous = factory.NewBrowser();
        using var response = await anonymous.GetAsync($"/programmas/{w.ProgrammeId}/overzicht.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Contains(".csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Onderdeel;Project;Maand;Soort;Aantal", lines[0]);
        var month = w.ThisMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Assert.Contains($"Deelname per maand;;{month};Verhalen;2", lines);
        Assert.Contains($"Deelname per maand;;{month};Aanmeldingen voor activiteiten;1", lines);
        Assert.Contains("Projecten per fase;;;Inleven;1", lines);
        Assert.Contains("Initiatieven per status;;;In gesprek;1", lines);
        // The title that starts with = gets an apostrophe, so a spreadsheet shows it as text.
        Assert.Contains($"Kennisbalans;'{w.OpenTitle};;Ervaringskennis;4", lines);
        Assert.DoesNotContain(lines, l => l.Contains(";" + w.OpenTitle, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Equal(4, l.Count(c => c == ';')));
    }

    [Fact]
    public async Task An_unknown_programme_and_hostile_ids_are_a_404_not_a_500()
    {
        using var anonymous = factory.NewBrowser();
        foreach (var url in new[]
        {
            "/programmas/999999/overzicht", "/programmas/999999/overzicht.csv", "/api/v1/programmes/999999/dashboard",
            "/programmas/0/overzicht", "/programmas/-1/overzicht", "/programmas/2147483647/overzicht.csv", "/api/v1/programmes/-5/dashboard",
            "/programmas/%3Cscript%3E/overzicht", "/programmas/99999999999/overzicht", "/api/v1/programmes/99999999999/dashboard",
        })
        {
            using var r = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }
    }

    [Fact]
    public async Task An_empty_programme_shows_zeros_and_says_so()
    {
        var programmeId = await ProgrammeAsync();
        using var anonymous = factory.NewBrowser();
        using var doc = await JsonAsync(anonymous, $"/api/v1/programmes/{programmeId}/dashboard");
        Assert.All(doc.RootElement.GetProperty("participation").EnumerateArray(), m => Assert.Equal([0, 0, 0, 0], Counts(m)));
        Assert.Equal(0, doc.RootElement.GetProperty("projects").GetArrayLength());
        var page = await anonymous.OpenAsync($"/programmas/{programmeId}/overzicht");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Er zijn geen projecten in dit programma die je mag bekijken.", page.Text, StringComparison.Ordinal);
        Assert.Contains("Er zijn nog geen initiatieven in dit programma.", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_counts_kept_for_all_readers_are_fresh_after_every_change()
    {
        // The stories and the knowledge balance are counted once for every reader and kept (SharedCounts): a new story, a
        // withdrawal or a moderator's hide shows on the very next read, as it would without the cache.
        var w = await WorldAsync();
        using var anonymous = factory.NewBrowser();
        int[] StoriesAndBalance(JsonDocument doc) =>
            [Counts(Month(doc, w.ThisMonth))[0], doc.RootElement.GetProperty("projects").EnumerateArray().Single().GetProperty("knowledgeBalance").EnumerateObject().Sum(s => s.Value.GetInt32())];
        int[] before;
        using (var doc = await JsonAsync(anonymous, $"/api/v1/programmes/{w.ProgrammeId}/dashboard"))
            before = StoriesAndBalance(doc);
        Assert.Equal(2, before[0]);

        var story = await StoryAtAsync(w.Open.Id, Mid(w.ThisMonth));
        using (var doc = await JsonAsync(anonymous, $"/api/v1/programmes/{w.ProgrammeId}/dashboard"))
            Assert.Equal([before[0] + 1, before[1] + 1], StoriesAndBalance(doc));

        await factory.WithDbAsync(async db =>
        {
            var s = await db.Stories.SingleAsync(x => x.Id == story);
            s.WithdrawnAt = Now;
            return await db.SaveChangesAsync();
        });
        using (var doc = await JsonAsync(anonymous, $"/api/v1/programmes/{w.ProgrammeId}/dashboard"))
            Assert.Equal(before, StoriesAndBalance(doc));
    }

    [Fact]
    public async Task The_dashboard_asks_the_database_as_often_for_many_projects_as_for_one()
    {
        async Task<(int Page, int Api)> QueriesForAsync(int projects)
        {
            var programmeId = await ProgrammeAsync();
            var now = Mid(GetProgrammeDashboard.LastMonths(Now)[^1]);
            for (var i = 0; i < projects; i++)
            {
                var team = await ProjectInAsync(programmeId, "Project " + i, Visibility.Open, Phase.Ideate);
                await StoryAtAsync(team.Id, now);
                await SessionWithParticipantsAsync(team.Id, now);
                var initiative = await factory.InitiativeAsync(programmeId, team.Id, team.Member.Id, "Initiatief " + i);
                await PledgesAsync(initiative, (now, false));
                var activity = await ActivityAsync(programmeId, team.Id, "Activiteit " + i, Now.AddDays(2 + i));
                await RegistrationsAsync(activity, (now, RegistrationStatus.Registered));
            }
            using var anonymous = factory.NewBrowser();
            (await anonymous.OpenAsync($"/programmas/{programmeId}/overzicht")).ToString();
            factory.Commands.Clear();
            var page = await anonymous.OpenAsync($"/programmas/{programmeId}/overzicht");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var onPage = factory.Commands.Count;
            factory.Commands.Clear();
            using (await JsonAsync(anonymous, $"/api/v1/programmes/{programmeId}/dashboard")) { }
            // The CSV runs the page's use case; its path ends in .csv, which the counter does not watch.
            return (onPage, factory.Commands.Count);
        }
        var one = await QueriesForAsync(1);
        var many = await QueriesForAsync(4);
        Assert.True(one.Page > 0, "No SQL command was counted: the counter is not working.");
        Assert.Equal(one, many);
    }
}
