using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Experiments;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Dashboard;

/// <summary>The project dashboard (/projecten/{id}/overzicht and its API): what it counts, what it warns about, who may see it, and what it costs.</summary>
public sealed class DashboardTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static string S(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<JsonDocument> JsonAsync(Browser browser, string url)
    {
        using var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static JsonElement Phase(JsonDocument doc, string phase) =>
        doc.RootElement.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("phase").GetString() == phase);

    private static int KindCount(JsonElement phase, string kind) =>
        phase.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == kind).GetProperty("count").GetInt32();

    private Task<int> DecisionAsync(int projectId, int experimentId, DecisionChoice choice, bool brilliant = false) =>
        factory.WithDbAsync(async db =>
        {
            var d = new Decision
            {
                ProjectId = projectId,
                ExperimentId = experimentId,
                Choice = choice,
                BrilliantFailure = brilliant,
                Title = "Besluit",
                Text = "Omdat het zo is.",
                Html = "<p>Omdat het zo is.</p>",
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
                SearchTerms = " besluit ",
                BackToPhase = choice == DecisionChoice.Adjust ? Features.Projects.Phase.Prototype : null,
            };
            db.Items.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });

    private Task GateAsync(int projectId, Features.Projects.Phase from, Features.Projects.Phase to, string byUserId, string reason) =>
        factory.WithDbAsync(async db =>
        {
            var move = new Features.Projects.PhaseTransition { ProjectId = projectId, FromPhase = from, ToPhase = to, Reason = reason, ByUserId = byUserId, At = DateTime.UtcNow };
            db.Add(new Features.Gates.GateDecision
            {
                ProjectId = projectId,
                Verdict = to < from ? Features.Gates.GateVerdict.Back : Features.Gates.GateVerdict.Go,
                FromPhase = from,
                ToPhase = to,
                Reasons = reason,
                ByUserId = byUserId,
                At = move.At,
                PhaseTransition = move,
            });
            return await db.SaveChangesAsync();
        });

    [Fact]
    public void Every_thread_kind_names_the_phase_the_dashboard_shows_it_in()
    {
        Assert.All(ThreadKinds.All, k => Assert.True(k.Phase is not null, $"{k.Kind} has no Phase in its descriptor."));
        Assert.Equal(Features.Projects.Phase.Empathize, ThreadKinds.For(ItemKind.Story).Phase);
        Assert.Equal(Features.Projects.Phase.Define, ThreadKinds.For(ItemKind.Question).Phase);
        Assert.Equal(Features.Projects.Phase.Ideate, ThreadKinds.For(ItemKind.Idea).Phase);
        Assert.Equal(Features.Projects.Phase.Prototype, ThreadKinds.For(ItemKind.Prototype).Phase);
        Assert.Equal(Features.Projects.Phase.Test, ThreadKinds.For(ItemKind.Experiment).Phase);
        Assert.Equal(Features.Projects.Phase.Test, ThreadKinds.For(ItemKind.Lesson).Phase);
    }

    [Fact]
    public async Task The_dashboard_counts_per_phase_shows_the_balance_open_proeven_lapsing_rules_decisions_and_gates()
    {
        var team = await factory.Data.TeamProjectAsync();
        var today = factory.Today();
        await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Zondagen zijn lang");
        await factory.StoryAsync(team.Id, ConsentScope.Team, title: "Alleen voor het team");
        await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Ingetrokken zondag", withdrawn: true);
        await factory.ItemAsync(team.Id, ItemKind.Insight, "Zondag is eenzaam");
        await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we de zondag vullen?");
        var prototype = await factory.PrototypeAsync(team.Id);
        var lapsing = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running, prototype, endsOn: today.AddDays(20), ruleUntil: today.AddDays(5), title: "Proef loopt af");
        var calm = await factory.ExperimentAsync(team.Id, ExperimentStatus.Preparing, prototype, endsOn: today.AddDays(40), ruleUntil: today.AddDays(60), title: "Rustige proef");
        var ended = await factory.ExperimentAsync(team.Id, ExperimentStatus.Ended, prototype, endsOn: today.AddDays(-1), ruleUntil: today.AddDays(2), title: "Afgeronde proef");
        await DecisionAsync(team.Id, ended.Id, DecisionChoice.Adjust, brilliant: true);
        var undecided = await factory.ExperimentAsync(team.Id, ExperimentStatus.Ended, prototype, endsOn: today.AddDays(-2), title: "Wacht op ons besluit");
        await GateAsync(team.Id, Features.Projects.Phase.Empathize, Features.Projects.Phase.Define, team.Facilitator.Id, "Genoeg verhalen");

        using var observer = await factory.SignInAsync(team.Observer.Email!);
        using var doc = await JsonAsync(observer, $"/api/v1/projects/{team.Id}/dashboard");
        var root = doc.RootElement;
        Assert.Equal(team.Id, root.GetProperty("projectId").GetInt32());
        Assert.Equal(["Empathize", "Define", "Ideate", "Prototype", "Test"], root.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("phase").GetString()));
        var empathize = Phase(doc, "Empathize");
        // The withdrawn story counts nowhere; the team-only one counts, but its title is not shown to an observer.
        Assert.Equal(2, KindCount(empathize, "Story"));
        Assert.Equal(1, KindCount(empathize, "Insight"));
        Assert.Equal(1, KindCount(Phase(doc, "Define"), "Question"));
        Assert.Equal(1, KindCount(Phase(doc, "Prototype"), "Prototype"));
        Assert.Equal(4, KindCount(Phase(doc, "Test"), "Experiment"));
        Assert.Equal(1, KindCount(Phase(doc, "Test"), "Decision"));
        Assert.True(empathize.GetProperty("current").GetBoolean());
        var latestStories = empathize.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "Story").GetProperty("latest");
        Assert.Equal(["Zondagen zijn lang"], latestStories.EnumerateArray().Select(s => s.GetProperty("title").GetString()));
        // Everything was added in the Inleven phase (the items' own phase): the balance counts it there.
        var balance = empathize.GetProperty("knowledgeBalance");
        Assert.True(balance.GetProperty("contributions").EnumerateObject().Sum(c => c.Value.GetInt32()) >= 4);
        Assert.Equal(1, balance.GetProperty("people").GetProperty("Scientific").GetInt32());
        Assert.Equal(0, Phase(doc, "Test").GetProperty("knowledgeBalance").GetProperty("contributions").EnumerateObject().Sum(c => c.Value.GetInt32()));

        // An ended proef without a decision stays on the list, marked: the team still has to decide.
        var waiting = Assert.Single(root.GetProperty("openExperiments").EnumerateArray(), e => e.GetProperty("awaitsDecision").GetBoolean());
        Assert.Equal(undecided.Id, waiting.GetProperty("id").GetInt32());
        var open = root.GetProperty("openExperiments").EnumerateArray().Where(e => !e.GetProperty("awaitsDecision").GetBoolean()).ToList();
        Assert.Equal([lapsing.Id, calm.Id], open.Select(e => e.GetProperty("id").GetInt32()));
        Assert.Equal(1, open[0].GetProperty("lapsingRules").GetInt32());
        Assert.Equal(20, open[0].GetProperty("daysLeft").GetInt32());
        Assert.Equal("Running", open[0].GetProperty("status").GetString());
        Assert.Equal(0, open[1].GetProperty("lapsingRules").GetInt32());
        var decision = Assert.Single(root.GetProperty("recentDecisions").EnumerateArray());
        Assert.Equal("Adjust", decision.GetProperty("choice").GetString());
        Assert.Equal("Prototype", decision.GetProperty("backToPhase").GetString());
        Assert.True(decision.GetProperty("brilliantFailure").GetBoolean());
        Assert.Equal(ended.Id, decision.GetProperty("experimentId").GetInt32());
        // Newest first; the project start is a gate too.
        var gates = root.GetProperty("recentGates").EnumerateArray().ToList();
        Assert.Equal("Define", gates[0].GetProperty("to").GetString());
        Assert.Equal("Go", gates[0].GetProperty("verdict").GetString());
        Assert.Equal("Genoeg verhalen", gates[0].GetProperty("reason").GetString());
        Assert.Equal(team.Facilitator.DisplayName, gates[0].GetProperty("by").GetString());
        // A phase move from before gate decisions (the project start here) has no verdict.
        Assert.Equal(JsonValueKind.Null, gates[^1].GetProperty("verdict").ValueKind);

        var page = await observer.OpenAsync($"/projecten/{team.Id}/overzicht");
        var text = page.BodyText;
        Assert.Contains("Let op: regelruimte loopt af", text, StringComparison.Ordinal);
        Assert.Contains("Proef loopt af", page.Document.QuerySelector(".pt-callout")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Rustige proef", page.Document.QuerySelector(".pt-callout")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingetrokken zondag", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alleen voor het team", page.Text, StringComparison.Ordinal);
        Assert.Contains("Bijsturen", text, StringComparison.Ordinal);
        Assert.Contains("Afgerond, wacht op besluit", page.Document.QuerySelector("section[aria-labelledby=lopende-proeven]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Briljante mislukking", text, StringComparison.Ordinal);
        Assert.Contains("Genoeg verhalen", text, StringComparison.Ordinal);
        Assert.Contains("Besluit: Doorgaan", page.Document.QuerySelector("section[aria-labelledby=fasebesluiten]")!.TextContent, StringComparison.Ordinal);
        // Two drawings, each with a title, a description and a table beside it.
        var svgs = page.Document.QuerySelectorAll("svg[role=img]");
        Assert.Equal(2, svgs.Length);
        Assert.All(svgs, s => Assert.NotNull(s.QuerySelector("title")));
        Assert.All(svgs, s => Assert.NotNull(s.QuerySelector("desc")));
        Assert.True(page.Document.QuerySelectorAll("table").Length >= 3);
        Assert.Empty(page.Document.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task Overzicht_is_first_in_the_project_menu()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/projecten/{team.Id}");
        var links = page.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Where(h => h is not null && h.StartsWith($"/projecten/{team.Id}/", StringComparison.Ordinal)).ToList();
        Assert.Equal($"/projecten/{team.Id}/overzicht", links.First());
    }

    [Fact]
    public async Task Nobody_outside_a_members_only_project_learns_it_exists_and_the_signed_out_see_no_names()
    {
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var open = await factory.Data.TeamProjectAsync();
        await GateAsync(open.Id, Features.Projects.Phase.Empathize, Features.Projects.Phase.Define, open.Facilitator.Id, "Door naar definiëren");
        var other = await factory.Data.TeamProjectAsync();
        using var anonymous = factory.NewBrowser();
        using var stranger = await factory.SignInAsync(other.Member.Email!);
        foreach (var browser in new[] { anonymous, stranger })
        {
            foreach (var url in new[] { $"/projecten/{closed.Id}/overzicht", $"/api/v1/projects/{closed.Id}/dashboard", "/projecten/999999/overzicht", "/api/v1/projects/999999/dashboard" })
            {
                using var r = await browser.GetAsync(url);
                Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            }
        }
        using var observer = await factory.SignInAsync(closed.Observer.Email!);
        using (var r = await observer.GetAsync($"/projecten/{closed.Id}/overzicht")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var doc = await JsonAsync(anonymous, $"/api/v1/projects/{open.Id}/dashboard");
        var gate = doc.RootElement.GetProperty("recentGates").EnumerateArray().First();
        Assert.Equal(JsonValueKind.Null, gate.GetProperty("by").ValueKind);
        var page = await anonymous.OpenAsync($"/projecten/{open.Id}/overzicht");
        Assert.DoesNotContain(open.Facilitator.DisplayName, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_asks_the_database_as_often_for_many_experiments_as_for_one()
    {
        async Task<(int Page, int Api)> QueriesForAsync(int count)
        {
            var team = await factory.Data.TeamProjectAsync();
            var prototype = await factory.PrototypeAsync(team.Id);
            for (var i = 0; i < count; i++)
            {
                var e = await factory.ExperimentAsync(team.Id, i % 2 == 0 ? ExperimentStatus.Running : ExperimentStatus.Ended, prototype, ruleUntil: factory.Today().AddDays(3), title: "Proef " + i);
                if (i % 2 == 1) await DecisionAsync(team.Id, e.Id, DecisionChoice.Continue);
                await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht " + i);
                await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Verhaal " + i);
                await GateAsync(team.Id, Features.Projects.Phase.Empathize, Features.Projects.Phase.Define, team.Facilitator.Id, "Stap " + i);
            }
            using var member = await factory.SignInAsync(team.Member.Email!);
            (await member.OpenAsync($"/projecten/{team.Id}/overzicht")).ToString();
            factory.Commands.Clear();
            var page = await member.OpenAsync($"/projecten/{team.Id}/overzicht");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var onPage = factory.Commands.Count;
            factory.Commands.Clear();
            using (await JsonAsync(member, $"/api/v1/projects/{team.Id}/dashboard")) { }
            return (onPage, factory.Commands.Count);
        }
        var one = await QueriesForAsync(2);
        var many = await QueriesForAsync(12);
        Assert.True(one.Page > 0, "No SQL command was counted: the counter is not working.");
        Assert.Equal(one, many);
    }

    [Fact]
    public async Task Wrong_ids_and_hostile_values_are_a_404_not_a_500()
    {
        using var anonymous = factory.NewBrowser();
        foreach (var url in new[] { "/projecten/0/overzicht", "/projecten/-1/overzicht", "/projecten/2147483647/overzicht", "/api/v1/projects/0/dashboard", "/api/v1/projects/-5/dashboard" })
        {
            using var r = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }
        using (var r = await anonymous.GetAsync("/projecten/%3Cscript%3E/overzicht")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await anonymous.GetAsync("/api/v1/projects/99999999999/dashboard")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
    }
}

/// <summary>The app with EF's command log on, counting the SQL commands run for the dashboard page and its API.</summary>
public sealed class DashboardFactory : ProeftuinFactory
{
    public DashboardFactory() => WithSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");

    public ConcurrentQueue<string> Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(new CommandCounter(Commands)));
    }

    private sealed class CommandCounter(ConcurrentQueue<string> commands) : ILoggerProvider, ILogger
    {
        private static readonly HttpContextAccessor Http = new();

        public ILogger CreateLogger(string categoryName) => categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose() { }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // RelationalEventId.CommandExecuted, during a request for the dashboard.
            var path = Http.HttpContext?.Request.Path.Value ?? "";
            if (eventId.Id == 20101 && (path.EndsWith("/overzicht", StringComparison.Ordinal) || path.EndsWith("/dashboard", StringComparison.Ordinal)))
                commands.Enqueue(formatter(state, exception));
        }
    }
}
