namespace Proeftuin.Tests.Projects;

public sealed class PhaseTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    // A phase move is a gate decision (ADR 0028): the verdict says whether it goes on or back; back says what changes.
    private static async Task<HttpResponseMessage> MoveAsync(Browser browser, int projectId, string toPhase, string? reason, string verdict = "Go", string? whatChanges = null)
    {
        var page = await browser.OpenAsync($"/projecten/{projectId}/fase");
        return await browser.SubmitAsync(page.FormFor("Input.Reason"), new { Input_Verdict = verdict, Input_ToPhase = toPhase, Input_Reason = reason, Input_WhatChanges = whatChanges });
    }

    [Fact]
    public async Task Facilitator_moves_forward_and_the_timeline_shows_it()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var browser = await factory.SignInAsync(team.Facilitator.Email!);
        var form = (await browser.OpenAsync($"/projecten/{team.Id}/fase")).FormFor("Input.ToPhase");
        Assert.Equal(["Empathize", "Define", "Ideate", "Prototype", "Test"], form.Options("Input.ToPhase"));
        using (var response = await MoveAsync(browser, team.Id, "Define", "Twaalf verhalen opgehaald; tijd om de behoeften te benoemen."))
            Expect.Redirect(response, $"/projecten/{team.Id}");

        var project = await factory.Data.ProjectRowAsync(team.Id);
        Assert.Equal(Phase.Define, project.Phase);
        var last = await factory.WithDbAsync(db => db.PhaseTransitions.Where(t => t.ProjectId == team.Id).OrderByDescending(t => t.Id).FirstAsync());
        Assert.Equal(Phase.Empathize, last.FromPhase);
        Assert.Equal(Phase.Define, last.ToPhase);
        Assert.Equal(team.Facilitator.Id, last.ByUserId);

        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/projecten/{team.Id}");
        Assert.Contains("Twaalf verhalen opgehaald; tijd om de behoeften te benoemen.", page.MainText, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("[aria-current]"), e => e.TextContent.Contains("Probleem definiëren", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Moving_back_is_allowed_and_recorded()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Prototype);
        using var browser = await factory.SignInAsync(team.Facilitator.Email!);
        using (var response = await MoveAsync(browser, team.Id, "Ideate", "Het prototype paste niet; terug naar ideeën.", "Back", "We vragen bewoners eerst wat ze nodig hebben."))
            Expect.Redirect(response, $"/projecten/{team.Id}");
        Assert.Equal(Phase.Ideate, (await factory.Data.ProjectRowAsync(team.Id)).Phase);
        var page = await browser.OpenAsync($"/projecten/{team.Id}");
        Assert.Contains("Het prototype paste niet; terug naar ideeën.", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_Dutch_messages_and_changes_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var browser = await factory.SignInAsync(team.Facilitator.Email!);
        var transitions = await factory.WithDbAsync(db => db.PhaseTransitions.CountAsync(t => t.ProjectId == team.Id));
        await Expect.FormErrorAsync(await MoveAsync(browser, team.Id, "Define", ""), "Vul de reden in.");
        await Expect.FormErrorAsync(await MoveAsync(browser, team.Id, "Define", TestData.Long()), "is te lang: maximaal 2000 tekens.");
        await Expect.FormErrorAsync(await MoveAsync(browser, team.Id, "Empathize", "Blijven"), "Het project zit al in deze fase.");
        await Expect.FormErrorAsync(await MoveAsync(browser, team.Id, "Vliegen", "Weg"), "is niet geldig");
        await Expect.FormErrorAsync(await MoveAsync(browser, team.Id, "9", "Weg"), "is niet geldig");
        Assert.Equal(Phase.Empathize, (await factory.Data.ProjectRowAsync(team.Id)).Phase);
        Assert.Equal(transitions, await factory.WithDbAsync(db => db.PhaseTransitions.CountAsync(t => t.ProjectId == team.Id)));
    }

    [Fact]
    public async Task Script_in_reason_is_shown_as_text()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var browser = await factory.SignInAsync(team.Facilitator.Email!);
        (await MoveAsync(browser, team.Id, "Define", TestData.Script)).Dispose();
        using var anonymous = factory.NewBrowser();
        Expect.ShownAsText(await anonymous.OpenAsync($"/projecten/{team.Id}"));
    }

    [Fact]
    public async Task Who_may_not_move_the_phase()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var url = $"/projecten/{team.Id}/fase";
        using (var anonymous = factory.NewBrowser())
        {
            using (var response = await anonymous.GetAsync(url)) Expect.RedirectToSignIn(response, url);
            using (var response = await anonymous.PostAsync(url, new { Input_ToPhase = "Define", Input_Reason = "Anoniem" })) Expect.RedirectToSignIn(response);
        }
        foreach (var who in new[] { team.Member, team.Observer, other.Facilitator })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            using (var response = await browser.GetAsync(url)) Expect.Status(HttpStatusCode.Forbidden, response, "GET as " + who.DisplayName);
            using (var response = await browser.PostAsync(url, new { Input_ToPhase = "Define", Input_Reason = "Mag niet" })) Expect.Status(HttpStatusCode.Forbidden, response, "POST as " + who.DisplayName);
        }
        Assert.Equal(Phase.Empathize, (await factory.Data.ProjectRowAsync(team.Id)).Phase);
    }

    [Fact]
    public async Task Members_only_project_phase_is_404_for_outsiders()
    {
        var workId = await factory.Data.ProjectIdAsync(TestData.Work);
        using var observerElsewhere = await factory.SignInDemoAsync("beleid");
        using (var response = await observerElsewhere.GetAsync($"/projecten/{workId}/fase")) Expect.Status(HttpStatusCode.NotFound, response);
        using (var response = await observerElsewhere.PostAsync($"/projecten/{workId}/fase", new { Input_ToPhase = "Test", Input_Reason = "Mag niet" })) Expect.Status(HttpStatusCode.NotFound, response);
        Assert.Equal(Phase.Ideate, (await factory.Data.ProjectRowAsync(workId)).Phase);
    }

    [Fact]
    public async Task Observer_in_the_demo_cannot_move_the_phase()
    {
        var id = await factory.Data.ProjectIdAsync(TestData.Loneliness);
        using var observer = await factory.SignInDemoAsync("beleid");
        using var response = await observer.PostAsync($"/projecten/{id}/fase", new { Input_ToPhase = "Test", Input_Reason = "Mag niet" });
        Expect.Status(HttpStatusCode.Forbidden, response);
        Assert.Equal(Phase.Ideate, (await factory.Data.ProjectRowAsync(id)).Phase);
    }
}
