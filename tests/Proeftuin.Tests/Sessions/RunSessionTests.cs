using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

/// <summary>Leading a session with the plain forms (no JavaScript): start, steps, timer, klaar, close; and who may not.</summary>
public sealed class RunSessionTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Facilitator_starts_moves_through_the_steps_and_closes_with_forms()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Planned, new StepSeed(StepMode.Write), new StepSeed(StepMode.Share), new StepSeed(StepMode.Vote));
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var plan = await facilitator.OpenAsync($"/sessies/{session.Id}/voorbereiden");
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        using var started = await facilitator.SubmitAsync(plan.FormWithAction("handler=Start"), new { });
        Expect.Redirect(started, $"/sessies/{session.Id}#stap");
        var row = await SessionRowAsync(session.Id);
        Assert.Equal((SessionState.Running, session.StepIds[0]), (row.State, row.CurrentStepId));
        // PostgreSQL keeps microseconds, .NET ticks are finer.
        Assert.Equal(now.AddMinutes(5), row.Steps.Single(s => s.Id == session.StepIds[0]).EndsAt!.Value, TimeSpan.FromMilliseconds(1));

        var page = await facilitator.OpenAsync($"/sessies/{session.Id}");
        Assert.Equal("Write", page.Document.QuerySelector("[data-step-title]")!.TextContent.Trim());
        Assert.Equal("5:00", page.Document.QuerySelector("[data-timer-text]")!.TextContent.Trim());
        using var next = await facilitator.SubmitAsync(page.FormWithAction("handler=Next"), new { });
        Expect.Redirect(next, $"/sessies/{session.Id}#stap");
        Assert.Equal(session.StepIds[1], (await SessionRowAsync(session.Id)).CurrentStepId);

        page = await facilitator.OpenAsync($"/sessies/{session.Id}");
        using var jump = await facilitator.SubmitAsync(page.FormWithAction("handler=Step"), new { stepId = session.StepIds[2] });
        Assert.Equal(session.StepIds[2], (await SessionRowAsync(session.Id)).CurrentStepId);
        page = await facilitator.OpenAsync($"/sessies/{session.Id}");
        using var back = await facilitator.SubmitAsync(page.FormWithAction("handler=Previous"), new { });
        Assert.Equal(session.StepIds[1], (await SessionRowAsync(session.Id)).CurrentStepId);

        page = await facilitator.OpenAsync($"/sessies/{session.Id}");
        var pause = page.Forms.Single(f => f.Action.Contains("handler=Timer", StringComparison.Ordinal) && f.Fields.Any(x => x is { Key: "action", Value: "Pause" }));
        factory.Clock.Advance(TimeSpan.FromSeconds(90));
        using var paused = await facilitator.SubmitAsync(pause, new { });
        var step = (await SessionRowAsync(session.Id)).Steps.Single(s => s.Id == session.StepIds[1]);
        Assert.Equal((null, 210), (step.EndsAt, step.PausedSecondsLeft));
        page = await facilitator.OpenAsync($"/sessies/{session.Id}");
        Assert.Equal("3:30", page.Document.QuerySelector("[data-timer-text]")!.TextContent.Trim());

        using var close = await facilitator.SubmitAsync(page.FormWithAction("handler=Close"), new { });
        var closed = await SessionRowAsync(session.Id);
        Assert.Equal(SessionState.Closed, closed.State);
        Assert.NotNull(closed.ClosedAt);
        // Closed: every button is refused with the Dutch message, and nothing changes.
        var sequence = closed.Sequence;
        foreach (var handler in new[] { "Start", "Next", "Previous", "Close" })
        {
            using var refused = await facilitator.PostAsync($"/sessies/{session.Id}/leiden?handler={handler}", new { });
            var after = await facilitator.FollowAsync(refused, "");
            Assert.Contains("De sessie is afgelopen. Je kunt niets meer veranderen.", after.MainText, StringComparison.Ordinal);
        }
        Assert.Equal(sequence, (await SessionRowAsync(session.Id)).Sequence);
    }

    [Fact]
    public async Task Participants_say_klaar_and_the_facilitator_sees_the_count()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        await factory.ParticipantAsync(session.Id, name: "Gast");
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/sessies/{session.Id}");
        using var done = await member.SubmitAsync(page.FormWithAction("/klaar"), new { });
        Expect.Redirect(done, $"/sessies/{session.Id}#stap");
        var memberRow = await factory.WithDbAsync(db => db.Participants.SingleAsync(p => p.SessionId == session.Id && p.UserId == team.Member.Id));
        Assert.Equal(session.StepIds[0], memberRow.DoneStepId);
        page = await member.OpenAsync($"/sessies/{session.Id}");
        Assert.Equal("true", page.Document.QuerySelector("[data-done-button]")!.GetAttribute("aria-pressed"));

        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var lead = await facilitator.OpenAsync($"/sessies/{session.Id}");
        // Member, guest and the facilitator (who joined by opening the page).
        Assert.Equal("1 van 3 klaar", lead.Document.QuerySelector("#leiden [data-done-count]")!.TextContent.Trim());

        // Taking it back.
        using var undo = await member.SubmitAsync(page.FormWithAction("/klaar"), new { });
        Assert.Null((await factory.WithDbAsync(db => db.Participants.SingleAsync(p => p.Id == memberRow.Id))).DoneStepId);
    }

    [Fact]
    public async Task Who_may_not_lead_gets_403_or_404_and_nothing_changes()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write, Private: true), new StepSeed(StepMode.Vote));
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Gast");
        var before = await SessionRowAsync(session.Id);
        var handlers = new (string Handler, object Fields)[]
        {
            ("Start", new { }), ("Next", new { }), ("Previous", new { }), ("Step", new { stepId = session.StepIds[1] }),
            ("Timer", new { stepId = session.StepIds[0], action = "Pause" }), ("Reveal", new { stepId = session.StepIds[0] }),
            ("CloseVoting", new { stepId = session.StepIds[1] }), ("Summon", new { focus = "post-its" }), ("Close", new { }),
        };
        async Task CheckAsync(Browser browser, params HttpStatusCode[] allowed)
        {
            foreach (var (handler, fields) in handlers)
            {
                using var response = await browser.PostAsync($"/sessies/{session.Id}/leiden?handler={handler}", fields);
                Assert.True(allowed.Contains(response.StatusCode), $"{handler}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        using (var member = await factory.SignInAsync(team.Member.Email!)) await CheckAsync(member, HttpStatusCode.Forbidden);
        using (var observer = await factory.SignInAsync(team.Observer.Email!)) await CheckAsync(observer, HttpStatusCode.Forbidden);
        using (var stranger = await factory.SignInAsync(other.Facilitator.Email!)) await CheckAsync(stranger, HttpStatusCode.NotFound);
        using (var guest = factory.GuestBrowser(session.Id, key!)) await CheckAsync(guest, HttpStatusCode.Redirect);
        using (var anonymous = factory.NewBrowser()) await CheckAsync(anonymous, HttpStatusCode.NotFound);
        var after = await SessionRowAsync(session.Id);
        Assert.Equal((before.Sequence, before.State, before.CurrentStepId, before.Focus), (after.Sequence, after.State, after.CurrentStepId, after.Focus));
        Assert.False(after.Steps.Single(s => s.Id == session.StepIds[0]).Revealed);
        // An observer watches but cannot say klaar.
        using var watcher = await factory.SignInAsync(team.Observer.Email!);
        using var klaar = await watcher.PostAsync($"/sessies/{session.Id}/klaar", new { done = true });
        Assert.Equal(HttpStatusCode.Forbidden, klaar.StatusCode);
    }

    [Fact]
    public async Task The_wall_screen_shows_the_code_the_address_a_QR_code_and_the_step()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var wall = await facilitator.OpenAsync($"/sessies/{session.Id}/scherm");
        Assert.Contains(JoinCodes.Display(session.JoinCode), wall.Document.QuerySelector(".pt-wall__code")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"/doe-mee/{session.JoinCode}", wall.MainText, StringComparison.Ordinal);
        Assert.NotNull(wall.Document.QuerySelector(".pt-wall__qr svg[role=img]"));
        Assert.Equal("Write", wall.Document.QuerySelector("[data-step-title]")!.TextContent.Trim());
        Assert.NotNull(wall.Document.QuerySelector($"a[href='/sessies/{session.Id}/scherm']"));
        Assert.Null(wall.Document.QuerySelector("meta[http-equiv=refresh]"));
        using var anonymous = factory.NewBrowser();
        using var hidden = await anonymous.GetAsync($"/sessies/{session.Id}/scherm");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    private Task<LiveSession> SessionRowAsync(int id) =>
        factory.WithDbAsync(db => db.Sessions.AsNoTracking().Include(s => s.Steps).SingleAsync(s => s.Id == id));
}
