using Proeftuin.Features.Audit;
using Proeftuin.Features.Gates;

namespace Proeftuin.Tests.Gates;

public sealed class GateTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static async Task<HttpResponseMessage> DecideAsync(Browser browser, int projectId, string? verdict, string? toPhase, string? reason, string? whatChanges = null)
    {
        var page = await browser.OpenAsync($"/projecten/{projectId}/fase");
        return await browser.SubmitAsync(page.FormFor("Input.Reason"), new { Input_Verdict = verdict, Input_ToPhase = toPhase, Input_Reason = reason, Input_WhatChanges = whatChanges });
    }

    private static Task<List<GateDecision>> GatesAsync(ProeftuinFactory factory, int projectId) =>
        factory.WithDbAsync(db => db.Set<GateDecision>().AsNoTracking().Where(g => g.ProjectId == projectId).OrderBy(g => g.Id).ToListAsync());

    [Fact]
    public async Task Go_moves_to_a_later_phase_with_one_transition_and_the_timeline_and_api_show_the_gate()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var r = await DecideAsync(facilitator, team.Id, "Go", "Ideate", "Genoeg verhalen en behoeften; tijd voor ideeën."))
            Expect.Redirect(r, $"/projecten/{team.Id}");

        Assert.Equal(Phase.Ideate, (await factory.Data.ProjectRowAsync(team.Id)).Phase);
        var gate = Assert.Single(await GatesAsync(factory, team.Id));
        Assert.Equal((GateVerdict.Go, Phase.Empathize, (Phase?)Phase.Ideate, team.Facilitator.Id), (gate.Verdict, gate.FromPhase, gate.ToPhase, gate.ByUserId));
        var transition = await factory.WithDbAsync(db => db.PhaseTransitions.AsNoTracking().SingleAsync(t => t.Id == gate.PhaseTransitionId));
        Assert.Equal((Phase.Empathize, Phase.Ideate), (transition.FromPhase!.Value, transition.ToPhase));
        Assert.Equal(gate.Reasons, transition.Reason);
        var audit = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.ProjectId == team.Id && a.Action == AuditAction.GateDecided));
        Assert.Equal("Go: Empathize → Ideate", audit.Detail);

        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/projecten/{team.Id}");
        var timeline = page.Document.GetElementById("tijdlijn")!.ParentElement!.TextContent;
        Assert.Contains("Besluit: Doorgaan", timeline, StringComparison.Ordinal);
        Assert.Contains("Genoeg verhalen en behoeften; tijd voor ideeën.", timeline, StringComparison.Ordinal);

        var json = await anonymous.GetJsonAsync($"/api/v1/projects/{team.Id}");
        var apiGate = json.GetProperty("gates")[0];
        Assert.Equal("Go", apiGate.GetProperty("verdict").GetString());
        Assert.Equal("Empathize", apiGate.GetProperty("from").GetString());
        Assert.Equal("Ideate", apiGate.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Back_goes_to_an_earlier_phase_and_says_what_changes()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Test);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var r = await DecideAsync(facilitator, team.Id, "Back", "Define", "De proef liet zien dat we de vraag verkeerd stelden.", "We praten eerst met jongeren zelf."))
            Expect.Redirect(r, $"/projecten/{team.Id}");
        Assert.Equal(Phase.Define, (await factory.Data.ProjectRowAsync(team.Id)).Phase);
        var gate = Assert.Single(await GatesAsync(factory, team.Id));
        Assert.Equal((GateVerdict.Back, "We praten eerst met jongeren zelf."), (gate.Verdict, gate.WhatChanges));
        var page = await facilitator.OpenAsync($"/projecten/{team.Id}");
        var timeline = page.Document.GetElementById("tijdlijn")!.ParentElement!.TextContent;
        Assert.Contains("Besluit: Terug", timeline, StringComparison.Ordinal);
        Assert.Contains("We praten eerst met jongeren zelf.", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_ends_the_project_keeps_its_history_and_takes_no_further_gate()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Prototype);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var transitions = await factory.WithDbAsync(db => db.PhaseTransitions.CountAsync(t => t.ProjectId == team.Id));
        using (var r = await DecideAsync(facilitator, team.Id, "Stop", "Prototype", "De gemeente regelt dit al landelijk; ons project is niet meer nodig."))
            Expect.Redirect(r, $"/projecten/{team.Id}");
        var project = await factory.Data.ProjectRowAsync(team.Id);
        Assert.Equal((ProjectStatus.Finished, Phase.Prototype), (project.Status, project.Phase));
        Assert.Equal(transitions, await factory.WithDbAsync(db => db.PhaseTransitions.CountAsync(t => t.ProjectId == team.Id)));
        var gate = Assert.Single(await GatesAsync(factory, team.Id));
        Assert.Equal((GateVerdict.Stop, (Phase?)null, (int?)null), (gate.Verdict, gate.ToPhase, gate.PhaseTransitionId));

        var page = await facilitator.OpenAsync($"/projecten/{team.Id}");
        var timeline = page.Document.GetElementById("tijdlijn")!.ParentElement!.TextContent;
        Assert.Contains("Project gestopt in Prototypen", timeline, StringComparison.Ordinal);
        Assert.Contains("Project gestart", timeline, StringComparison.Ordinal);
        // The dashboard shows the stop with its verdict; a stop moves to no phase.
        var dashboard = await facilitator.OpenAsync($"/projecten/{team.Id}/overzicht");
        var stop = dashboard.Document.QuerySelectorAll("section[aria-labelledby=fasebesluiten] li").Single(li => li.TextContent.Contains("Besluit: Stoppen", StringComparison.Ordinal));
        Assert.Contains("Project gestopt in Prototypen", stop.TextContent, StringComparison.Ordinal);
        using (var api = await facilitator.GetAsync($"/api/v1/projects/{team.Id}/dashboard"))
        {
            using var json = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync());
            var gateJson = json.RootElement.GetProperty("recentGates").EnumerateArray().Single(g => g.GetProperty("verdict").GetString() == "Stop");
            Assert.Equal(("Stop", "Prototype", System.Text.Json.JsonValueKind.Null),
                (gateJson.GetProperty("verdict").GetString(), gateJson.GetProperty("from").GetString(), gateJson.GetProperty("to").ValueKind));
        }

        await Expect.FormErrorAsync(await DecideAsync(facilitator, team.Id, "Go", "Test", "Toch door"), "Dit project is gestopt.");
        Assert.Single(await GatesAsync(factory, team.Id));
    }

    [Fact]
    public async Task Bad_gate_input_gets_a_Dutch_message_and_saves_nothing()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Ideate);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        await Expect.FormErrorAsync(await DecideAsync(facilitator, team.Id, "Go", "Prototype", ""), "Vul de reden in.");
        await Expect.FormErrorAsync(await DecideAsync(facilitator, team.Id, "Go", "Prototype", "   "), "Vul de reden in.");
        await Expect.FormErrorAsync(await DecideAsync(facilitator, team.Id, "Go", "Ideate", "Blijven"), "Het project zit al in deze fase.");
        await Expect.FormErrorAsync(await DecideAsync(facilitator, team.Id, "Back", "Ideate", "Blijven", "Niets"), "Het project zit al in deze fase.");
        await Expect.FormErrorAsync(await DecideAsync(facilitator, team.Id, "Go", "Define", "Achteruit doorgaan"), "Doorgaan gaat naar een latere fase.");
        await Expect.FormErrorAsync(await DecideAsync(facilitator, team.Id, "Back", "Test", "Vooruit terug", "Iets"), "Terug gaat naar een eerdere fase.");
        await Expect.FormErrorAsync(await DecideAsync(facilitator, team.Id, "Back", "Define", "Terug zonder wat er verandert", ""), "Vul wat er verandert in.");
        await Expect.FormErrorAsync(await DecideAsync(facilitator, team.Id, "Back", "Define", "Te veel", TestData.Long()), "is te lang");
        await Expect.FormErrorAsync(await DecideAsync(facilitator, team.Id, "Go", "Prototype", TestData.Long()), "is te lang: maximaal 2000 tekens.");
        using (var r = await facilitator.PostAsync($"/projecten/{team.Id}/fase", new { Input_ToPhase = "Prototype", Input_Reason = "Zonder besluit" }))
            await Expect.FormErrorAsync(r, "Kies wat je besluit: doorgaan, terug of stoppen.");
        using (var r = await facilitator.PostAsync($"/projecten/{team.Id}/fase", new { Input_Verdict = "Vliegen", Input_ToPhase = "Prototype", Input_Reason = "Raar" }))
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using (var r = await facilitator.PostAsync($"/projecten/{team.Id}/fase", new { Input_Verdict = "7", Input_ToPhase = "Prototype", Input_Reason = "Raar" }))
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using (var r = await facilitator.PostAsync($"/projecten/{team.Id}/fase", new { Input_Verdict = "Go", Input_Reason = "Zonder fase" }))
            await Expect.FormErrorAsync(r, "Kies een fase.");
        Assert.Equal((Phase.Ideate, ProjectStatus.Active), ((await factory.Data.ProjectRowAsync(team.Id)).Phase, (await factory.Data.ProjectRowAsync(team.Id)).Status));
        Assert.Empty(await GatesAsync(factory, team.Id));
        Assert.Equal(1, await factory.WithDbAsync(db => db.PhaseTransitions.CountAsync(t => t.ProjectId == team.Id)));
    }

    [Fact]
    public async Task Advice_flow_the_evaluator_is_told_advises_and_the_advice_shows_beside_the_form_and_on_the_timeline()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Prototype);
        var evaluator = await GateData.EvaluatorAsync(factory, team.Id);
        var second = await GateData.EvaluatorAsync(factory, team.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);

        var form = await facilitator.OpenAsync($"/projecten/{team.Id}/fase/advies-vragen");
        Assert.Contains(evaluator.DisplayName, form.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(team.Member.DisplayName, form.MainText, StringComparison.Ordinal);
        using (var r = await facilitator.SubmitAsync(form.FormFor("Input.Question"), new { Input_Verdict = "Go", Input_ToPhase = "Test", Input_Question = "Is het prototype klaar om te testen?", Input_EvaluatorIds = new[] { evaluator.Id, second.Id } }))
            Expect.Redirect(r, $"/projecten/{team.Id}/fase");
        var request = await factory.WithDbAsync(db => db.Set<GateAdviceRequest>().AsNoTracking().Include(x => x.Advice).SingleAsync(x => x.ProjectId == team.Id));
        Assert.Equal(2, request.Advice.Count);
        var told = await factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == evaluator.Id).ToListAsync());
        Assert.Equal($"/adviesvragen/{request.Id}", Assert.Single(told).Url);

        // A second request while one is open is refused.
        var again = await facilitator.OpenAsync($"/projecten/{team.Id}/fase/advies-vragen");
        using (var r = await facilitator.SubmitAsync(again.FormFor("Input.Question"), new { Input_Verdict = "Go", Input_ToPhase = "Test", Input_Question = "Nog een keer?", Input_EvaluatorIds = new[] { evaluator.Id } }))
            await Expect.FormErrorAsync(r, "Er staat al een adviesvraag open.");

        // The decision form says advice is pending.
        var gatePage = await facilitator.OpenAsync($"/projecten/{team.Id}/fase");
        Assert.Contains("advies nog niet gegeven", gatePage.MainText, StringComparison.Ordinal);
        Assert.Contains("Is het prototype klaar om te testen?", gatePage.MainText, StringComparison.Ordinal);

        using (var asked = await factory.SignInAsync(evaluator.Email!))
        {
            var advicePage = await asked.OpenAsync($"/adviesvragen/{request.Id}");
            using (var r = await asked.SubmitAsync(advicePage.FormFor("Input.Text"), new { Input_Recommendation = "Back", Input_Text = "Test eerst met **twee** bewoners." }))
                Expect.Redirect(r, $"/adviesvragen/{request.Id}");
        }
        gatePage = await facilitator.OpenAsync($"/projecten/{team.Id}/fase");
        Assert.Contains("Advies: Terug", gatePage.MainText, StringComparison.Ordinal);
        Assert.Contains("Test eerst met **twee** bewoners.", gatePage.MainText, StringComparison.Ordinal);
        Assert.Contains("Nog niet alle evaluatoren gaven advies.", gatePage.MainText, StringComparison.Ordinal);

        // The facilitator decides without waiting for the second evaluator: the request closes.
        using (var r = await DecideAsync(facilitator, team.Id, "Go", "Test", "We testen, met twee bewoners erbij."))
            Expect.Redirect(r, $"/projecten/{team.Id}");
        var gate = Assert.Single(await GatesAsync(factory, team.Id));
        var closed = await factory.WithDbAsync(db => db.Set<GateAdviceRequest>().AsNoTracking().SingleAsync(x => x.Id == request.Id));
        Assert.Equal(gate.Id, closed.GateDecisionId);
        Assert.NotNull(closed.ClosedAt);

        var project = await facilitator.OpenAsync($"/projecten/{team.Id}");
        var timeline = project.Document.GetElementById("tijdlijn")!.ParentElement!.TextContent;
        Assert.Contains("Advies: Terug", timeline, StringComparison.Ordinal);
        Assert.Contains("Test eerst met **twee** bewoners.", timeline, StringComparison.Ordinal);
        // Advice is the team's: not shown to who is not a member.
        using (var anonymous = factory.NewBrowser())
        {
            var outside = await anonymous.OpenAsync($"/projecten/{team.Id}");
            Assert.DoesNotContain("Test eerst met", outside.MainText, StringComparison.Ordinal);
            Assert.Contains("We testen, met twee bewoners erbij.", outside.MainText, StringComparison.Ordinal);
        }

        // Advice on a closed request: refused, nothing changes.
        using (var late = await factory.SignInAsync(second.Email!))
        {
            var page = await late.OpenAsync($"/adviesvragen/{request.Id}");
            Assert.Contains("Over deze fase is al besloten.", page.MainText, StringComparison.Ordinal);
            Assert.DoesNotContain(page.Forms, f => f.HasField("Input.Text"));
            using var r = await late.PostAsync($"/adviesvragen/{request.Id}", new { Input_Recommendation = "Go", Input_Text = "Te laat" });
            await Expect.FormErrorAsync(r, "Over deze fase is al besloten.");
        }
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<GateAdvice>().CountAsync(a => a.RequestId == request.Id && a.Recommendation != null)));
        var actions = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.ProjectId == team.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditAction.GateAdviceRequested, actions);
        Assert.Contains(AuditAction.GateAdviceGiven, actions);
        Assert.Contains(AuditAction.GateDecided, actions);
    }

    [Fact]
    public async Task Bad_advice_input_and_bad_requests_get_Dutch_messages()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Define);
        var evaluator = await GateData.EvaluatorAsync(factory, team.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var url = $"/projecten/{team.Id}/fase/advies-vragen";
        using (var r = await facilitator.PostAsync(url, new { Input_Verdict = "Go", Input_ToPhase = "Ideate", Input_Question = "Vraag" }))
            await Expect.FormErrorAsync(r, "Kies minstens één evaluator.");
        using (var r = await facilitator.PostAsync(url, new { Input_Verdict = "Go", Input_ToPhase = "Ideate", Input_Question = "Vraag", Input_EvaluatorIds = new[] { team.Member.Id } }))
            await Expect.FormErrorAsync(r, "Kies evaluatoren uit de lijst.");
        using (var r = await facilitator.PostAsync(url, new { Input_Verdict = "Go", Input_ToPhase = "Ideate", Input_Question = "", Input_EvaluatorIds = new[] { evaluator.Id } }))
            await Expect.FormErrorAsync(r, "Vul je vraag in.");
        using (var r = await facilitator.PostAsync(url, new { Input_Verdict = "Go", Input_ToPhase = "Define", Input_Question = "Vraag", Input_EvaluatorIds = new[] { evaluator.Id } }))
            await Expect.FormErrorAsync(r, "Het project zit al in deze fase.");
        Assert.False(await factory.WithDbAsync(db => db.Set<GateAdviceRequest>().AnyAsync(x => x.ProjectId == team.Id)));

        var requestId = await GateData.RequestAsync(factory, team.Id, [evaluator.Id]);
        using var asked = await factory.SignInAsync(evaluator.Email!);
        using (var r = await asked.PostAsync($"/adviesvragen/{requestId}", new { Input_Text = "Zonder advies" }))
            await Expect.FormErrorAsync(r, "Kies je advies: doorgaan, terug of stoppen.");
        using (var r = await asked.PostAsync($"/adviesvragen/{requestId}", new { Input_Recommendation = "Go", Input_Text = "" }))
            await Expect.FormErrorAsync(r, "Vul je advies in.");
        using (var r = await asked.PostAsync($"/adviesvragen/{requestId}", new { Input_Recommendation = "Go", Input_Text = TestData.Long() }))
            await Expect.FormErrorAsync(r, "is te lang");
        using (var r = await asked.PostAsync($"/adviesvragen/{requestId}", new { Input_Recommendation = "Go", Input_Text = TestData.Script }))
            Expect.Redirect(r, $"/adviesvragen/{requestId}");
        Expect.ShownAsText(await asked.OpenAsync($"/adviesvragen/{requestId}"));
        using (var r = await asked.GetAsync("/adviesvragen/999999")) Expect.Status(HttpStatusCode.NotFound, r);
        using (var r = await asked.PostAsync("/adviesvragen/999999", new { Input_Recommendation = "Go", Input_Text = "Weg" })) Expect.Status(HttpStatusCode.NotFound, r);
    }

    [Fact]
    public async Task Who_may_not_decide_ask_or_advise()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Define);
        var evaluator = await GateData.EvaluatorAsync(factory, team.Id);
        var other = await factory.Data.TeamProjectAsync();
        var otherEvaluator = await GateData.EvaluatorAsync(factory, other.Id);
        var requestId = await GateData.RequestAsync(factory, team.Id, [evaluator.Id]);
        var decide = new { Input_Verdict = "Go", Input_ToPhase = "Ideate", Input_Reason = "Mag niet" };
        var ask = new { Input_Verdict = "Go", Input_ToPhase = "Ideate", Input_Question = "Mag niet", Input_EvaluatorIds = new[] { evaluator.Id } };
        var advise = new { Input_Recommendation = "Stop", Input_Text = "Mag niet" };

        // The evaluator may advise but not decide or ask.
        using (var e = await factory.SignInAsync(evaluator.Email!))
        {
            using (var r = await e.GetAsync($"/projecten/{team.Id}/fase")) Expect.Status(HttpStatusCode.Forbidden, r);
            using (var r = await e.PostAsync($"/projecten/{team.Id}/fase", decide)) Expect.Status(HttpStatusCode.Forbidden, r);
            using (var r = await e.PostAsync($"/projecten/{team.Id}/fase/advies-vragen", ask)) Expect.Status(HttpStatusCode.Forbidden, r);
        }
        // Member and observer read the request, but cannot ask or advise.
        foreach (var who in new[] { team.Member, team.Observer })
        {
            using var b = await factory.SignInAsync(who.Email!);
            using (var r = await b.GetAsync($"/adviesvragen/{requestId}")) Expect.Status(HttpStatusCode.OK, r, who.DisplayName);
            using (var r = await b.PostAsync($"/adviesvragen/{requestId}", advise)) Expect.Status(HttpStatusCode.Forbidden, r, who.DisplayName);
            using (var r = await b.PostAsync($"/projecten/{team.Id}/fase/advies-vragen", ask)) Expect.Status(HttpStatusCode.Forbidden, r, who.DisplayName);
        }
        // Another project's evaluator cannot advise; another project's facilitator cannot advise either.
        foreach (var who in new[] { otherEvaluator, other.Facilitator })
        {
            using var b = await factory.SignInAsync(who.Email!);
            using (var r = await b.PostAsync($"/adviesvragen/{requestId}", advise)) Expect.Status(HttpStatusCode.Forbidden, r, who.DisplayName);
        }
        // Even the facilitator does not advise on their own request.
        using (var f = await factory.SignInAsync(team.Facilitator.Email!))
        using (var r = await f.PostAsync($"/adviesvragen/{requestId}", advise)) Expect.Status(HttpStatusCode.Forbidden, r);
        // Anonymous: sign in first.
        using (var anonymous = factory.NewBrowser())
        {
            using (var r = await anonymous.GetAsync($"/adviesvragen/{requestId}")) Expect.RedirectToSignIn(r, $"/adviesvragen/{requestId}");
            using (var r = await anonymous.PostAsync($"/adviesvragen/{requestId}", advise)) Expect.RedirectToSignIn(r);
        }
        Assert.False(await factory.WithDbAsync(db => db.Set<GateAdvice>().AnyAsync(a => a.RequestId == requestId && a.Recommendation != null)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<GateAdviceRequest>().CountAsync(x => x.ProjectId == team.Id)));
        Assert.Equal(Phase.Define, (await factory.Data.ProjectRowAsync(team.Id)).Phase);
    }

    [Fact]
    public async Task A_members_only_projects_gate_pages_are_404_for_outsiders()
    {
        var team = await factory.Data.TeamProjectAsync(visibility: Visibility.MembersOnly, phase: Phase.Define);
        var evaluator = await GateData.EvaluatorAsync(factory, team.Id);
        var requestId = await GateData.RequestAsync(factory, team.Id, [evaluator.Id]);
        var other = await factory.Data.TeamProjectAsync();
        var otherEvaluator = await GateData.EvaluatorAsync(factory, other.Id);
        using var outsider = await factory.SignInAsync(otherEvaluator.Email!);
        foreach (var url in new[] { $"/projecten/{team.Id}/fase", $"/projecten/{team.Id}/fase/advies-vragen", $"/adviesvragen/{requestId}" })
        {
            using (var r = await outsider.GetAsync(url)) Expect.Status(HttpStatusCode.NotFound, r, "GET " + url);
            using (var r = await outsider.PostAsync(url, new { Input_Recommendation = "Go", Input_Text = "x", Input_Verdict = "Go", Input_ToPhase = "Ideate", Input_Reason = "x" }))
                Expect.Status(HttpStatusCode.NotFound, r, "POST " + url);
        }
        using var anonymous = factory.NewBrowser();
        using (var r = await anonymous.GetAsync($"/api/v1/projects/{team.Id}")) Expect.Status(HttpStatusCode.NotFound, r);
    }
}
