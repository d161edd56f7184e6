using System.Text.Json;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

/// <summary>
/// Sessions feed the knowledge balance (issue 15): post-its and stippen count per declared perspective in the phase the
/// session started in, on the project page's balance panel, the project dashboard and the programme dashboard, and the
/// cached panel catches up when the session moves on a step.
/// </summary>
public sealed class SessionBalanceTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Slug(Perspective p) => MemberSlugs.Perspective.Of(p);

    /// <summary>Starts a planned session with the facilitator's form, as a person would: that fixes its phase.</summary>
    private async Task<SeededSession> StartedSessionAsync(TeamProject team, Browser facilitator)
    {
        var session = await factory.SessionAsync(team.Id, SessionState.Planned, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote), new StepSeed(StepMode.Discuss));
        var plan = await facilitator.OpenAsync($"/sessies/{session.Id}/voorbereiden");
        using var started = await facilitator.SubmitAsync(plan.FormWithAction("handler=Start"), new { });
        Expect.Redirect(started, $"/sessies/{session.Id}#stap");
        return session;
    }

    /// <summary>Post-its of these perspectives, each writer with one stip on their own note (straight into the database).</summary>
    private Task AddAsync(SeededSession session, params Perspective[] writers) =>
        factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            foreach (var perspective in writers)
            {
                var participant = new Participant { SessionId = session.Id, DisplayName = "Deelnemer", Perspective = perspective, JoinedAt = now, GuestKeyHash = Guid.NewGuid().ToString("N") };
                db.Participants.Add(participant);
                await db.SaveChangesAsync();
                var note = new Note { SessionId = session.Id, StepId = session.StepIds[0], ParticipantId = participant.Id, Text = "Een idee", CreatedAt = now };
                db.Notes.Add(note);
                await db.SaveChangesAsync();
                db.Votes.Add(new Vote { SessionId = session.Id, StepId = session.StepIds[1], ParticipantId = participant.Id, NoteId = note.Id, CreatedAt = now });
                await db.SaveChangesAsync();
            }
            return true;
        });

    private static async Task<JsonDocument> JsonAsync(Browser browser, string url)
    {
        using var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static int Row(JsonElement byKind, string row, Perspective p) => byKind.GetProperty(row).GetProperty(Slug(p)).GetInt32();

    [Fact]
    public async Task Post_its_and_stippen_count_in_the_phase_the_session_started_in()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.Open, Phase.Define);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var define = await StartedSessionAsync(team, facilitator);
        Assert.Equal(Phase.Define, await factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == define.Id).Select(s => s.Phase).SingleAsync()));
        await AddAsync(define, Perspective.Experience, Perspective.Experience, Perspective.Scientific);

        // The project moves on; a second session then counts in the new phase, the first stays where it happened.
        await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == team.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Phase, Phase.Ideate)));
        var ideate = await StartedSessionAsync(team, facilitator);
        await AddAsync(ideate, Perspective.Professional);

        using (var dashboard = await JsonAsync(facilitator, $"/api/v1/projects/{team.Id}/dashboard"))
        {
            var phases = dashboard.RootElement.GetProperty("phases").EnumerateArray().ToDictionary(p => p.GetProperty("phase").GetString()!);
            var inDefine = phases[ProjectSlugs.Phase.Of(Phase.Define)].GetProperty("knowledgeBalance");
            var byKind = inDefine.GetProperty("contributionsByKind");
            Assert.Equal([2, 0, 1], Enum.GetValues<Perspective>().Select(p => Row(byKind, "SessionNotes", p)));
            Assert.Equal([2, 0, 1], Enum.GetValues<Perspective>().Select(p => Row(byKind, "SessionVotes", p)));
            Assert.Equal(4, inDefine.GetProperty("contributions").GetProperty(Slug(Perspective.Experience)).GetInt32());
            var inIdeate = phases[ProjectSlugs.Phase.Of(Phase.Ideate)].GetProperty("knowledgeBalance").GetProperty("contributionsByKind");
            Assert.Equal([0, 1, 0], Enum.GetValues<Perspective>().Select(p => Row(inIdeate, "SessionNotes", p)));
            Assert.Equal([0, 1, 0], Enum.GetValues<Perspective>().Select(p => Row(inIdeate, "SessionVotes", p)));
        }

        // The project page's panel shows the current phase (ideate): one post-it and one stip of professional knowledge,
        // for a reader who is signed out too (a cached page).
        using var anonymous = factory.NewBrowser();
        using (var project = await JsonAsync(anonymous, $"/api/v1/projects/{team.Id}"))
        {
            var byKind = project.RootElement.GetProperty("knowledgeBalance").GetProperty("contributionsByKind");
            Assert.Equal([0, 1, 0], Enum.GetValues<Perspective>().Select(p => Row(byKind, "SessionNotes", p)));
        }
        var page = await anonymous.OpenAsync($"/projecten/{team.Id}");
        Assert.Contains("Post-its in sessies", page.Text, StringComparison.Ordinal);

        // The programme dashboard adds all phases: 3 + 1 post-its and as many stippen.
        var programmeId = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == team.Id).Select(p => p.ProgrammeId).SingleAsync());
        using (var programme = await JsonAsync(anonymous, $"/api/v1/programmes/{programmeId}/dashboard"))
        {
            var balance = programme.RootElement.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == team.Id).GetProperty("knowledgeBalance");
            Assert.Equal(2, balance.GetProperty(Slug(Perspective.Professional)).GetInt32());
            Assert.Equal(2, balance.GetProperty(Slug(Perspective.Scientific)).GetInt32());
        }
    }

    [Fact]
    public async Task The_cached_panel_catches_up_when_the_session_moves_on_a_step()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.Open, Phase.Ideate);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var session = await StartedSessionAsync(team, facilitator);
        using var anonymous = factory.NewBrowser();
        int Notes(JsonDocument d) => Row(d.RootElement.GetProperty("knowledgeBalance").GetProperty("contributionsByKind"), "SessionNotes", Perspective.Experience);
        using (var before = await JsonAsync(anonymous, $"/api/v1/projects/{team.Id}"))
            Assert.Equal(0, Notes(before));

        // Post-its alone do not empty the cache (a busy session would keep emptying it); the next step does.
        await AddAsync(session, Perspective.Experience, Perspective.Experience);
        var lead = await facilitator.OpenAsync($"/sessies/{session.Id}");
        using var next = await facilitator.SubmitAsync(lead.FormWithAction("handler=Next"), new { });
        using (var after = await JsonAsync(anonymous, $"/api/v1/projects/{team.Id}"))
            Assert.Equal(2, Notes(after));
    }

    [Fact]
    public async Task A_members_only_projects_session_counts_only_for_its_readers()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly, Phase.Ideate);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var session = await StartedSessionAsync(team, facilitator);
        await AddAsync(session, Perspective.Scientific);
        var outsider = await factory.Data.TeamProjectAsync();
        using var stranger = await factory.SignInAsync(outsider.Facilitator.Email!);
        using (var refused = await stranger.GetAsync($"/api/v1/projects/{team.Id}/dashboard"))
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var programmeId = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == team.Id).Select(p => p.ProgrammeId).SingleAsync());
        using (var programme = await JsonAsync(stranger, $"/api/v1/programmes/{programmeId}/dashboard"))
            Assert.DoesNotContain(programme.RootElement.GetProperty("projects").EnumerateArray(), p => p.GetProperty("id").GetInt32() == team.Id);
        using (var programme = await JsonAsync(facilitator, $"/api/v1/programmes/{programmeId}/dashboard"))
        {
            var balance = programme.RootElement.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == team.Id).GetProperty("knowledgeBalance");
            Assert.Equal(2, balance.GetProperty(Slug(Perspective.Scientific)).GetInt32());
        }
    }
}
