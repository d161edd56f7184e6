using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

/// <summary>
/// Issue 15 "Eerlijk wegen": the facilitator chooses before the vote how a perspective with few voters counts; the
/// results name such a perspective plainly and carry the voter counts and the rule (pages, summary, API).
/// </summary>
public sealed class SmallGroupRuleTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Lead(int id) => $"/sessies/{id}/leiden?handler=TallyRule";

    private static string Plan(int id) => $"/sessies/{id}/voorbereiden?handler=TallyRule";

    private Task<LiveSession> LoadAsync(int id) => factory.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == id));

    [Fact]
    public async Task The_facilitator_chooses_the_rule_when_creating_and_a_new_session_starts_with_the_default()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/projecten/{team.Id}/sessies/nieuw");
        Assert.NotNull(page.Document.QuerySelector("input[name='Input.SmallGroupRule'][value='full'][checked]"));
        Assert.Equal("3", page.Document.QuerySelector("input[name='Input.MinVoters']")!.GetAttribute("value"));
        Assert.NotNull(page.Document.QuerySelector("label[for='Input_MinVoters']"));

        using var created = await facilitator.SubmitAsync(page.FormFor("Input.Title"),
            [new("Input.Title", "Wegen"), new("Input.SmallGroupRule", "proportional"), new("Input.MinVoters", "5")]);
        var id = Expect.RedirectToId(created, "/sessies/");
        var session = await LoadAsync(id);
        Assert.Equal(SmallGroupRule.Proportional, session.SmallGroupRule);
        Assert.Equal(5, session.MinVoters);

        using var plain = await facilitator.SubmitAsync(page.FormFor("Input.Title"), [new("Input.Title", "Gewoon")]);
        var defaults = await LoadAsync(Expect.RedirectToId(plain, "/sessies/"));
        Assert.Equal(SmallGroupRule.Full, defaults.SmallGroupRule);
        Assert.Equal(3, defaults.MinVoters);
    }

    [Fact]
    public async Task The_rule_changes_on_the_plan_page_and_the_session_page_until_the_first_vote_step_starts()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Planned, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote));
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);

        var plan = await facilitator.OpenAsync($"/sessies/{session.Id}/voorbereiden");
        using var saved = await facilitator.SubmitAsync(plan.FormFor("Rule.MinVoters"), [new("Rule.SmallGroupRule", "apart"), new("Rule.MinVoters", "4")]);
        Assert.True(Browser.IsRedirect(saved.StatusCode));
        Assert.Equal((SmallGroupRule.Apart, 4), await RuleAsync(session.Id));

        // Running, in the write step: the vote has not started, so the session page still offers the rule.
        await factory.WithDbAsync(async db =>
        {
            var s = await db.Sessions.Include(x => x.Steps).SingleAsync(x => x.Id == session.Id);
            s.State = SessionState.Running;
            s.CurrentStepId = session.StepIds[0];
            s.Steps.Single(x => x.Id == session.StepIds[0]).StartedAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        var live = await facilitator.OpenAsync($"/sessies/{session.Id}");
        Assert.NotNull(live.Document.QuerySelector("#leiden form[action*='handler=TallyRule']"));
        using var changed = await facilitator.SubmitAsync(live.FormWithAction("handler=TallyRule"), [new("Rule.SmallGroupRule", "proportional"), new("Rule.MinVoters", "3")]);
        Assert.True(Browser.IsRedirect(changed.StatusCode));
        Assert.Equal((SmallGroupRule.Proportional, 3), await RuleAsync(session.Id));

        // The vote step starts: from now on the rule is fixed, on every way in.
        await factory.StepAsync(session.StepIds[1], s => s.StartedAt = DateTime.UtcNow);
        var fixedPage = await facilitator.OpenAsync($"/sessies/{session.Id}");
        Assert.Null(fixedPage.Document.QuerySelector("#leiden form[action*='handler=TallyRule']"));
        Assert.Contains("Regel voor kleine groepen (minder dan 3 mensen): telt naar verhouding.", fixedPage.MainText, StringComparison.Ordinal);
        var lead = await facilitator.FollowAsync(await facilitator.PostAsync(Lead(session.Id), new { Rule_SmallGroupRule = "full", Rule_MinVoters = "3" }), Lead(session.Id));
        Assert.Contains(ChooseTallyRule.Fixed, lead.BodyText, StringComparison.Ordinal);
        await Expect.FormErrorAsync(await facilitator.PostAsync(Plan(session.Id), new { Rule_SmallGroupRule = "full", Rule_MinVoters = "3" }), ChooseTallyRule.Fixed);
        var planAfter = await facilitator.OpenAsync($"/sessies/{session.Id}/voorbereiden");
        Assert.Null(planAfter.Document.QuerySelector("input[name='Rule.MinVoters']"));
        Assert.Contains("deze regel ligt vast", planAfter.MainText, StringComparison.Ordinal);
        Assert.Equal((SmallGroupRule.Proportional, 3), await RuleAsync(session.Id));
    }

    [Fact]
    public async Task Only_the_projects_facilitators_may_choose_the_rule()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Planned, new StepSeed(StepMode.Vote));
        var fields = new { Rule_SmallGroupRule = "apart", Rule_MinVoters = "10" };

        foreach (var email in new[] { team.Member.Email!, team.Observer.Email!, other.Facilitator.Email! })
        {
            using var browser = await factory.SignInAsync(email);
            foreach (var url in new[] { Lead(session.Id), Plan(session.Id) })
            {
                using var answer = await browser.PostAsync(url, fields);
                Assert.True(answer.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{email} {url}: {(int)answer.StatusCode}");
            }
        }
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Gast");
        using (var guest = factory.GuestBrowser(session.Id, key!))
        {
            foreach (var url in new[] { Lead(session.Id), Plan(session.Id) })
            {
                using var answer = await guest.PostAsync(url, fields);
                Assert.True(answer.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Redirect or HttpStatusCode.Found,
                    $"guest {url}: {(int)answer.StatusCode}");
                Expect.NotServerError(answer, url);
            }
        }
        using (var anon = factory.NewBrowser())
        {
            foreach (var url in new[] { Lead(session.Id), Plan(session.Id) })
            {
                using var answer = await anon.PostAsync(url, fields);
                Expect.NotServerError(answer, url);
                Assert.NotEqual(HttpStatusCode.OK, answer.StatusCode);
            }
        }
        Assert.Equal((SmallGroupRule.Full, 3), await RuleAsync(session.Id));
    }

    [Theory]
    [InlineData("full", "0", "Kies een aantal mensen van 1 tot en met 50.")]
    [InlineData("full", "-1", "Kies een aantal mensen van 1 tot en met 50.")]
    [InlineData("full", "51", "Kies een aantal mensen van 1 tot en met 50.")]
    [InlineData("full", "99999999999999999999", "Kies een aantal mensen van 1 tot en met 50.")]
    [InlineData("full", "drie", "Kies een aantal mensen van 1 tot en met 50.")]
    [InlineData("full", "3.5", "Kies een aantal mensen van 1 tot en met 50.")]
    [InlineData("full", "", "Kies een aantal mensen van 1 tot en met 50.")]
    [InlineData("Full", "3", "Kies hoe kleine groepen meetellen")]
    [InlineData("2", "3", "Kies hoe kleine groepen meetellen")]
    [InlineData("<script>alert('xss')</script>", "3", "Kies hoe kleine groepen meetellen")]
    [InlineData("", "3", "Kies hoe kleine groepen meetellen")]
    public async Task Hostile_input_is_refused_with_a_clear_message_and_nothing_changes(string rule, string minVoters, string message)
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Planned, new StepSeed(StepMode.Vote));
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);

        var page = await Expect.FormErrorAsync(await facilitator.PostAsync(Plan(session.Id), new { Rule_SmallGroupRule = rule, Rule_MinVoters = minVoters }), message);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("script"), s => !s.HasAttribute("src"));
        var lead = await facilitator.FollowAsync(await facilitator.PostAsync(Lead(session.Id), new { Rule_SmallGroupRule = rule, Rule_MinVoters = minVoters }), Lead(session.Id));
        Assert.Contains(message, lead.BodyText, StringComparison.Ordinal);
        Assert.Equal((SmallGroupRule.Full, 3), await RuleAsync(session.Id));

        var create = await facilitator.OpenAsync($"/projecten/{team.Id}/sessies/nieuw");
        if (rule.Length > 0 && minVoters.Length > 0)
            await Expect.FormErrorAsync(await facilitator.SubmitAsync(create.FormFor("Input.Title"),
                [new("Input.Title", "Vijandig"), new("Input.SmallGroupRule", rule), new("Input.MinVoters", minVoters)]), message);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Sessions.CountAsync(s => s.Title == "Vijandig")));
    }

    /// <summary>
    /// The fixed example (BalancedTallyTests): 10 residents, 5 professionals, 1 researcher on A, B and C, rule "telt naar
    /// verhouding" with threshold 3: A 34 %, B 39 %, C 27 %; the researcher is flagged and weighs a third.
    /// </summary>
    [Fact]
    public async Task The_results_flag_a_small_perspective_and_carry_the_voter_counts_and_the_rule()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote, Votes: 1));
        var writer = await factory.ParticipantAsync(session.Id, name: "Schrijver");
        var a = await factory.NoteAsync(session.Id, session.StepIds[0], writer.Id, "A: een buurtbankje");
        var b = await factory.NoteAsync(session.Id, session.StepIds[0], writer.Id, "B: een loket");
        var c = await factory.NoteAsync(session.Id, session.StepIds[0], writer.Id, "C: een onderzoek");
        await factory.WithDbAsync(async db =>
        {
            var s = await db.Sessions.SingleAsync(x => x.Id == session.Id);
            s.SmallGroupRule = SmallGroupRule.Proportional;
            return await db.SaveChangesAsync();
        });
        var vote = session.StepIds[1];
        async Task VotersAsync(Perspective perspective, params int[] notes)
        {
            foreach (var note in notes)
            {
                var voter = await factory.ParticipantAsync(session.Id, name: $"Stemmer {perspective}", perspective: perspective);
                await factory.VoteAsync(session.Id, vote, voter.Id, note);
            }
        }
        await VotersAsync(Perspective.Experience, a, a, a, a, a, a, b, b, b, c);
        await VotersAsync(Perspective.Professional, a, b, b, b, c);
        await VotersAsync(Perspective.Scientific, c);
        await factory.GoToStepAsync(session.Id, vote);
        await factory.StepAsync(vote, s =>
        {
            s.StartedAt = DateTime.UtcNow;
            s.VotingClosed = true;
        });

        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        foreach (var url in new[] { $"/sessies/{session.Id}", $"/sessies/{session.Id}/samenvatting" })
        {
            var page = await facilitator.OpenAsync(url);
            var flag = page.Document.QuerySelector("[data-results-small]");
            Assert.NotNull(flag);
            Assert.Contains("Maar 1 persoon stemde vanuit wetenschappelijke kennis.", flag.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("ervaringskennis", flag.TextContent, StringComparison.Ordinal);
            Assert.Contains("Regel voor kleine groepen (minder dan 3 mensen): telt naar verhouding.", page.MainText, StringComparison.Ordinal);
            var table = page.Document.QuerySelector("table.pt-results")!;
            var groups = table.QuerySelectorAll("thead th[scope=colgroup]").Select(th => Collapse(th.TextContent)).ToList();
            Assert.Equal(["Ervaringskennis 10 mensen", "Professionele kennis 5 mensen", "Wetenschappelijke kennis 1 persoon · weegt 33 %"], groups);
            var rows = table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(x => x.TextContent.Trim()).ToList()).ToList();
            Assert.Equal(["B: een loket", "A: een buurtbankje", "C: een onderzoek"], rows.Select(r => r[0]));
            Assert.Equal(["39 %", "34 %", "27 %"], rows.Select(r => r[3]));
        }

        // The wall screen names the small group beside the stippen on the cards.
        var wall = await facilitator.OpenAsync($"/sessies/{session.Id}/scherm");
        Assert.Contains("Maar 1 persoon stemde vanuit wetenschappelijke kennis.", wall.Document.QuerySelector("[data-results-small]")!.TextContent, StringComparison.Ordinal);

        // Two researchers: plural.
        await VotersAsync(Perspective.Scientific, c);
        var plural = await facilitator.OpenAsync($"/sessies/{session.Id}");
        Assert.Contains("Maar 2 mensen stemden vanuit wetenschappelijke kennis.", plural.Document.QuerySelector("[data-results-small]")!.TextContent, StringComparison.Ordinal);

        facilitator.Cookies.Add(new Uri("http://localhost"), new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        var english = await facilitator.OpenAsync($"/sessies/{session.Id}");
        Assert.Contains("Only 2 people voted from scientific knowledge.", english.Document.QuerySelector("[data-results-small]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rule for small groups (fewer than 3 people): counts in proportion.", english.MainText, StringComparison.Ordinal);

        var json = await facilitator.GetJsonAsync($"/api/v1/sessions/{session.Id}/results");
        var step = json.GetProperty("steps")[0];
        Assert.Equal("proportional", step.GetProperty("rule").GetString());
        Assert.Equal(3, step.GetProperty("minVoters").GetInt32());
        Assert.False(step.GetProperty("nothingSetApart").GetBoolean());
        var perspectives = step.GetProperty("perspectives").EnumerateArray().ToList();
        Assert.Equal([10, 5, 2], perspectives.Select(p => p.GetProperty("voters").GetInt32()));
        Assert.Equal([10, 5, 2], perspectives.Select(p => p.GetProperty("votes").GetInt32()));
        Assert.Equal([false, false, true], perspectives.Select(p => p.GetProperty("belowThreshold").GetBoolean()));
        Assert.Equal(2.0 / 3, perspectives[2].GetProperty("weight").GetDouble(), 6);
        Assert.Equal("Scientific", perspectives[2].GetProperty("perspective").GetString());
    }

    [Fact]
    public async Task Apart_with_every_perspective_under_the_threshold_says_that_all_count_fully()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote, Votes: 1));
        var writer = await factory.ParticipantAsync(session.Id, name: "Schrijver");
        var a = await factory.NoteAsync(session.Id, session.StepIds[0], writer.Id, "A");
        await factory.WithDbAsync(async db =>
        {
            var s = await db.Sessions.SingleAsync(x => x.Id == session.Id);
            s.SmallGroupRule = SmallGroupRule.Apart;
            s.MinVoters = 5;
            return await db.SaveChangesAsync();
        });
        var resident = await factory.ParticipantAsync(session.Id, name: "Bewoner");
        await factory.VoteAsync(session.Id, session.StepIds[1], resident.Id, a);
        await factory.StepAsync(session.StepIds[1], s => s.VotingClosed = true);

        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/sessies/{session.Id}/samenvatting");
        var flag = page.Document.QuerySelector("[data-results-small]")!.TextContent;
        Assert.Contains("Maar 1 persoon stemde vanuit ervaringskennis.", flag, StringComparison.Ordinal);
        Assert.Contains("Geen enkele kennisbron haalde 5 mensen. Niets kon apart, dus alle kennisbronnen tellen volledig mee.", flag, StringComparison.Ordinal);
        var json = await facilitator.GetJsonAsync($"/api/v1/sessions/{session.Id}/results");
        Assert.True(json.GetProperty("steps")[0].GetProperty("nothingSetApart").GetBoolean());
        Assert.Equal("apart", json.GetProperty("steps")[0].GetProperty("rule").GetString());
    }

    private Task<(SmallGroupRule, int)> RuleAsync(int id) =>
        factory.WithDbAsync(async db =>
        {
            var s = await db.Sessions.AsNoTracking().SingleAsync(x => x.Id == id);
            return (s.SmallGroupRule, s.MinVoters);
        });

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
