using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Sessions;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Mine;

/// <summary>Issue 9, point 5: Mijn Proeftuin at /mijn — only my own things, friendly when empty, one query per part.</summary>
public sealed class MineTests(MineFactory factory) : IClassFixture<MineFactory>
{
    private async Task<(AppUser Invitee, int InvitationId)> InvitationAsync(int projectId, AppUser? invitee = null, ProjectRole role = ProjectRole.Member)
    {
        invitee ??= await factory.Data.UserAsync();
        var id = await factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var invitation = new Invitation
            {
                ProjectId = projectId,
                Email = invitee.Email,
                Role = role,
                TokenHash = Proeftuin.Web.Tokens.Hash(Proeftuin.Web.Tokens.New()),
                CreatedById = invitee.Id,
                CreatedAt = now,
                ExpiresAt = now.AddDays(14),
            };
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            return invitation.Id;
        });
        return (invitee, id);
    }

    private Task NotifyAsync(string userId, string text, bool read = false) =>
        factory.WithDbAsync(async db =>
        {
            db.Notifications.Add(new Notification { UserId = userId, Text = text, Url = "/meldingen", CreatedAt = DateTime.UtcNow, ReadAt = read ? DateTime.UtcNow : null });
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Signed_out_goes_to_sign_in_and_comes_back()
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync("/mijn");
        Expect.RedirectToSignIn(response, "/mijn");
    }

    [Fact]
    public async Task Sign_in_without_a_return_address_lands_on_Mijn_Proeftuin_and_the_header_links_there()
    {
        var user = await factory.Data.UserAsync();
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync("/inloggen");
        Assert.DoesNotContain(page.Document.QuerySelectorAll("header a"), a => a.GetAttribute("href") == "/mijn");
        using (var response = await browser.SubmitAsync(page.FormFor("Input.Password"), new { Input_Email = user.Email, Input_Password = TestData.Password }))
            Expect.Redirect(response, "/mijn");
        var home = await browser.OpenAsync("/");
        Assert.Contains(home.Document.QuerySelectorAll("header a"), a => a.GetAttribute("href") == "/mijn" && a.TextContent.Trim() == "Mijn Proeftuin");
    }

    [Fact]
    public async Task A_fresh_account_sees_friendly_empty_states()
    {
        var user = await factory.Data.UserAsync(displayName: "Nieuwe Inwoner");
        using var browser = await factory.SignInAsync(user.Email!);
        var page = await browser.OpenAsync("/mijn");
        Assert.Equal("Mijn Proeftuin", page.H1);
        foreach (var text in new[]
        {
            "Hallo Nieuwe Inwoner.", "Je bent hier nog nieuw.", "Je doet nog niet mee aan een project.", "Je hebt nog geen verhaal verteld.",
            "Je hebt nog geen live sessies.", "Je hebt nog geen meldingen.",
        })
            Assert.Contains(text, page.MainText, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/doe-mee");
    }

    [Fact]
    public async Task A_resident_sees_own_projects_stories_sessions_invitations_and_notifications_and_nothing_of_others()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Define);
        var project = await factory.Data.ProjectRowAsync(team.Id);
        var resident = team.Member;

        // Mine: a story that fed an insight and a need; not mine: the facilitator's story, my withdrawn one.
        var story = await factory.StoryAsync(team.Id, ConsentScope.PublicAnonymised, title: "Mijn zondagen", tellerId: resident.Id);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Zondag is lang");
        var need = await factory.ItemAsync(team.Id, ItemKind.Need, "Iemand om mee te praten");
        await factory.LinkAsync(story, insight);
        await factory.LinkAsync(insight, need);
        var untitled = await factory.StoryAsync(team.Id, ConsentScope.Team, title: "", text: "Na de verhuizing kende ik niemand in de straat, en dat duurde lang, heel erg lang.", tellerId: resident.Id);
        await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Verhaal van iemand anders", tellerId: team.Facilitator.Id);
        await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Ingetrokken verhaal", tellerId: resident.Id, withdrawn: true);

        var running = await factory.SessionAsync(team.Id, SessionState.Running);
        var closed = await factory.SessionAsync(team.Id, SessionState.Closed);
        // A session of another project (not mine), and one of a project I only took part in.
        var elsewhere = await factory.Data.TeamProjectAsync();
        var notMine = await factory.SessionAsync(elsewhere.Id, SessionState.Running);
        var joined = await factory.SessionAsync(elsewhere.Id, SessionState.Planned);
        await factory.WithDbAsync(async db =>
        {
            db.Participants.Add(new Participant { SessionId = joined.Id, UserId = resident.Id, DisplayName = "Ik", JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var invitedTo = await factory.Data.TeamProjectAsync();
        var (_, invitationId) = await InvitationAsync(invitedTo.Id, resident, ProjectRole.Evaluator);
        var (_, othersInvitation) = await InvitationAsync(invitedTo.Id);

        await NotifyAsync(resident.Id, "Er is iets met je verhaal gedaan");
        await NotifyAsync(team.Facilitator.Id, "Melding voor een ander");

        using var browser = await factory.SignInAsync(resident.Email!);
        var page = await browser.OpenAsync("/mijn");
        var main = page.MainText;

        Assert.Contains(project.Title, main, StringComparison.Ordinal);
        Assert.Contains("Fase: Probleem definiëren", main, StringComparison.Ordinal);
        Assert.Contains("Jouw rol: Deelnemer", main, StringComparison.Ordinal);
        Assert.DoesNotContain((await factory.Data.ProjectRowAsync(elsewhere.Id)).Title + " ·", main, StringComparison.Ordinal);

        Assert.Contains("Mijn zondagen", main, StringComparison.Ordinal);
        Assert.Contains("Wie mag het lezen: Iedereen die het project kan zien, zonder mijn naam", main, StringComparison.Ordinal);
        var outcome = page.Document.QuerySelector($"a[href='/verhalen/{story}/wat-is-ermee-gebeurd']");
        Assert.NotNull(outcome);
        Assert.Contains("Het is gebruikt voor 2 dingen", outcome.TextContent, StringComparison.Ordinal);
        Assert.Contains("Na de verhuizing kende ik niemand in de straat, en dat duurd…", main, StringComparison.Ordinal);
        Assert.Contains("Er is nog niets mee gedaan", page.Document.QuerySelector($"a[href='/verhalen/{untitled}/wat-is-ermee-gebeurd']")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Verhaal van iemand anders", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingetrokken verhaal", main, StringComparison.Ordinal);

        var sessionLinks = page.Document.QuerySelectorAll("#mijn-sessies ~ ul a, section[aria-labelledby=mijn-sessies] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/sessies/{running.Id}", sessionLinks);
        Assert.Contains($"/sessies/{closed.Id}", sessionLinks);
        Assert.Contains($"/sessies/{closed.Id}/samenvatting", sessionLinks);
        Assert.Contains($"/sessies/{joined.Id}", sessionLinks);
        Assert.DoesNotContain($"/sessies/{notMine.Id}", sessionLinks);
        Assert.Contains("Bezig", main, StringComparison.Ordinal);
        Assert.Contains("Afgelopen", main, StringComparison.Ordinal);

        var accept = page.FormWithAction("handler=Accept");
        Assert.Contains(new KeyValuePair<string, string>("invitationId", invitationId.ToString(System.Globalization.CultureInfo.InvariantCulture)), accept.Fields);
        Assert.DoesNotContain(page.Forms, f => f.Fields.Any(x => x.Key == "invitationId" && x.Value == othersInvitation.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains("Er is iets met je verhaal gedaan", main, StringComparison.Ordinal);
        Assert.Contains("1 melding heb je nog niet gelezen.", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Melding voor een ander", main, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/meldingen");
    }

    [Fact]
    public async Task A_facilitator_sees_the_role_and_the_sessions_of_every_project_they_run()
    {
        var team = await factory.Data.TeamProjectAsync();
        var planned = await factory.SessionAsync(team.Id, SessionState.Planned);
        using var browser = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await browser.OpenAsync("/mijn");
        Assert.Contains("Jouw rol: Procesbegeleider", page.MainText, StringComparison.Ordinal);
        Assert.Contains("In voorbereiding", page.MainText, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"main a[href='/sessies/{planned.Id}']"));
    }

    [Fact]
    public async Task An_admin_sees_only_their_own_things_not_the_whole_platform()
    {
        var admin = await factory.Data.UserAsync(admin: true);
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running);
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Verhaal dat een beheerder niet hoort te zien op zijn eigen pagina", tellerId: team.Member.Id);
        using var browser = await factory.SignInAsync(admin.Email!);
        var page = await browser.OpenAsync("/mijn");
        Assert.Contains("Je doet nog niet mee aan een project.", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector($"main a[href='/sessies/{session.Id}']"));
        Assert.Null(page.Document.QuerySelector($"main a[href='/verhalen/{story}']"));
    }

    [Fact]
    public async Task An_invitation_to_my_address_is_accepted_from_Mijn_Proeftuin()
    {
        var team = await factory.Data.TeamProjectAsync();
        var (invitee, invitationId) = await InvitationAsync(team.Id, role: ProjectRole.Evaluator);
        using var browser = await factory.SignInAsync(invitee.Email!);
        var page = await browser.OpenAsync("/mijn");
        Assert.Contains("Uitnodigingen voor jou", page.MainText, StringComparison.Ordinal);
        using (var response = await browser.SubmitAsync(page.FormWithAction("handler=Accept"), new { perspective = "Scientific" }))
            Expect.Redirect(response, $"/projecten/{team.Id}");
        var membership = await factory.Data.MembershipAsync(team.Id, invitee.Id);
        Assert.Equal(ProjectRole.Evaluator, membership!.Role);
        Assert.Equal(Perspective.Scientific, membership.Perspective);
        // Used: gone from the page, and a second try is refused in Dutch.
        var after = await browser.OpenAsync("/mijn");
        Assert.DoesNotContain("Uitnodigingen voor jou", after.MainText, StringComparison.Ordinal);
        await Expect.FormErrorAsync(await browser.PostAsync("/mijn?handler=Accept", new { invitationId, perspective = "Experience" }), "Deze uitnodiging is al gebruikt of verlopen.");
    }

    [Fact]
    public async Task Someone_else_cannot_accept_my_invitation_and_bad_input_is_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        var (_, invitationId) = await InvitationAsync(team.Id);
        var stranger = await factory.Data.UserAsync();
        using var browser = await factory.SignInAsync(stranger.Email!);
        using (var response = await browser.PostAsync("/mijn?handler=Accept", new { invitationId, perspective = "Experience" }))
            Expect.Status(HttpStatusCode.NotFound, response);
        using (var response = await browser.PostAsync("/mijn?handler=Accept", new { invitationId = "999999999", perspective = "Experience" }))
            Expect.Status(HttpStatusCode.NotFound, response);
        await Expect.FormErrorAsync(await browser.PostAsync("/mijn?handler=Accept", new { invitationId, perspective = TestData.Script }), "Kies een kennisbron.");
        await Expect.FormErrorAsync(await browser.PostAsync("/mijn?handler=Accept", new { invitationId, perspective = "7" }), "Kies een kennisbron.");
        Assert.Null(await factory.Data.MembershipAsync(team.Id, stranger.Id));
        using var anonymous = factory.NewBrowser();
        using (var response = await anonymous.PostAsync("/mijn?handler=Accept", new { invitationId, perspective = "Experience" }))
            Expect.RedirectToSignIn(response);
        Assert.False(await factory.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Id == invitationId && i.AcceptedAt != null)));
    }

    [Fact]
    public async Task The_page_asks_the_database_as_often_for_many_things_as_for_one()
    {
        async Task<int> QueriesForAsync(int count)
        {
            var user = await factory.Data.UserAsync();
            for (var i = 0; i < count; i++)
            {
                var team = await factory.Data.TeamProjectAsync();
                await factory.WithDbAsync(async db =>
                {
                    db.Memberships.Add(new Membership { ProjectId = team.Id, UserId = user.Id, Role = ProjectRole.Member, JoinedAt = DateTime.UtcNow });
                    return await db.SaveChangesAsync();
                });
                var story = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Verhaal " + i, tellerId: user.Id);
                await factory.LinkAsync(story, await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht " + i));
                await factory.SessionAsync(team.Id, i % 2 == 0 ? SessionState.Running : SessionState.Closed);
                await InvitationAsync((await factory.Data.TeamProjectAsync()).Id, user);
                await NotifyAsync(user.Id, "Melding " + i);
            }
            using var browser = await factory.SignInAsync(user.Email!);
            (await browser.OpenAsync("/mijn")).ToString();
            factory.Commands.Clear();
            var page = await browser.OpenAsync("/mijn");
            Assert.Equal(count, page.Document.QuerySelectorAll("section[aria-labelledby=mijn-projecten] li").Length);
            return factory.Commands.Count;
        }
        var one = await QueriesForAsync(1);
        var six = await QueriesForAsync(6);
        Assert.True(one > 0, "No SQL command was counted: the counter is not working.");
        Assert.Equal(one, six);
    }
}

/// <summary>The app with EF's command log on, counting the SQL commands run for /mijn.</summary>
public sealed class MineFactory : ProeftuinFactory
{
    public MineFactory() => WithSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");

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
            // RelationalEventId.CommandExecuted, during a request for /mijn.
            if (eventId.Id == 20101 && Http.HttpContext?.Request.Path == "/mijn")
                commands.Enqueue(formatter(state, exception));
        }
    }
}
