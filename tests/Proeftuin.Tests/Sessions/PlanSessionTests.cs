using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Sessions;

/// <summary>Planning a session through the pages, without JavaScript: create, steps from werkvormen, edits, limits, who may not.</summary>
public sealed class PlanSessionTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Facilitator_creates_a_session_with_a_question_and_the_default_steps()
    {
        var team = await factory.Data.TeamProjectAsync();
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we buren vaker laten ontmoeten?");
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var list = await facilitator.OpenAsync($"/projecten/{team.Id}/sessies");
        Assert.NotNull(list.Document.QuerySelector($"a[href='/projecten/{team.Id}/sessies/nieuw']"));
        var page = await facilitator.OpenAsync($"/projecten/{team.Id}/sessies/nieuw");
        using var created = await facilitator.SubmitAsync(page.FormFor("Input.Title"), [new("Input.Title", "Buurtkamer ideeën"), new("Input.QuestionIds", question.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var id = Expect.RedirectToId(created, "/sessies/");
        Assert.EndsWith("/voorbereiden", Expect.LocationPath(created), StringComparison.Ordinal);
        var session = await LoadAsync(id);
        Assert.Equal("Buurtkamer ideeën", session.Title);
        Assert.Equal(SessionState.Planned, session.State);
        Assert.NotNull(JoinCodes.Normalize(session.JoinCode));
        Assert.Equal(PlanSession.DefaultForms, session.Steps.OrderBy(s => s.Position).Select(s => s.Form));
        Assert.Equal([question], session.Questions.Select(q => q.QuestionId));
        var plan = await facilitator.OpenAsync($"/sessies/{id}/voorbereiden");
        Assert.Contains(JoinCodes.Display(session.JoinCode), plan.MainText, StringComparison.Ordinal);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var memberList = await member.OpenAsync($"/projecten/{team.Id}/sessies");
        Assert.Contains("Buurtkamer ideeën", memberList.MainText, StringComparison.Ordinal);
        Assert.Null(memberList.Document.QuerySelector($"a[href='/projecten/{team.Id}/sessies/nieuw']"));
        var project = await member.OpenAsync($"/projecten/{team.Id}");
        Assert.NotNull(project.Document.QuerySelector($"a[href='/projecten/{team.Id}/sessies']"));
    }

    [Fact]
    public async Task Hostile_titles_and_foreign_questions_are_refused_and_nothing_is_saved()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var foreign = await factory.ItemAsync(other.Id, ItemKind.Question, "Hoe kunnen we iets anders?");
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/projecten/{team.Id}/sessies/nieuw");
        var form = page.FormFor("Input.Title");
        foreach (var (fields, message) in new (KeyValuePair<string, string>[], string)[]
        {
            ([new("Input.Title", "")], "Vul een titel in."),
            ([new("Input.Title", TestData.Long(SessionLimits.Title + 1))], "maximaal 200 tekens"),
            ([new("Input.Title", "Goed"), new("Input.QuestionIds", foreign.ToString(System.Globalization.CultureInfo.InvariantCulture))], "Kies alleen vragen van dit project."),
            ([new("Input.Title", "Goed"), new("Input.QuestionIds", "999999")], "Kies alleen vragen van dit project."),
        })
        {
            var answer = await facilitator.FollowAsync(await facilitator.SubmitAsync(form, fields), page.Url);
            Assert.Contains(message, answer.ErrorText, StringComparison.Ordinal);
        }
        Assert.Equal(0, await factory.WithDbAsync(db => db.Sessions.CountAsync(s => s.ProjectId == team.Id)));

        using var ok = await facilitator.SubmitAsync(form, new { Input_Title = TestData.Script });
        var id = Expect.RedirectToId(ok, "/sessies/");
        var plan = await facilitator.OpenAsync($"/sessies/{id}/voorbereiden");
        Assert.Equal(TestData.Script, plan.Document.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.DoesNotContain(TestData.Script, plan.Text, StringComparison.Ordinal);
        var live = await facilitator.OpenAsync($"/sessies/{id}");
        Assert.Equal(TestData.Script, live.H1);
        Assert.DoesNotContain(TestData.Script, live.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Steps_are_added_edited_moved_and_removed_while_planned()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Planned, new StepSeed(StepMode.Write), new StepSeed(StepMode.Share));
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/sessies/{session.Id}/voorbereiden");
        using var added = await facilitator.SubmitAsync(page.FormFor("form"), new { form = nameof(WorkForm.DotVoting) });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var voting = (await LoadAsync(session.Id)).Steps.Single(s => s.Form == WorkForm.DotVoting);
        Assert.Equal(StepMode.Vote, voting.Mode);
        Assert.Equal(2, voting.Position);
        Assert.Equal(3, voting.VotesPerPerson);

        page = await facilitator.OpenAsync($"/sessies/{session.Id}/voorbereiden");
        var edit = page.Forms.First(f => f.Element.QuerySelector($"input[name=stepId][value='{voting.Id}']") is not null && f.Action.Contains("EditStep", StringComparison.Ordinal));
        using var edited = await facilitator.SubmitAsync(edit, [new("Step.Title", "Kies je favoriet"), new("Step.Minutes", "7"), new("Step.VotesPerPerson", "5"), new("Step.SeveralPerNote", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = (await LoadAsync(session.Id)).Steps.Single(s => s.Id == voting.Id);
        Assert.Equal(("Kies je favoriet", 7, 5, true), (after.Title, after.Minutes, after.VotesPerPerson, after.SeveralPerNote));

        using var up = await facilitator.PostAsync($"/sessies/{session.Id}/voorbereiden?handler=MoveStep", new { stepId = voting.Id, direction = -1 });
        Assert.Equal(HttpStatusCode.Redirect, up.StatusCode);
        Assert.Equal(1, (await LoadAsync(session.Id)).Steps.Single(s => s.Id == voting.Id).Position);
        using var removed = await facilitator.PostAsync($"/sessies/{session.Id}/voorbereiden?handler=RemoveStep", new { stepId = session.StepIds[0] });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var steps = (await LoadAsync(session.Id)).Steps.OrderBy(s => s.Position).ToList();
        Assert.Equal([voting.Id, session.StepIds[1]], steps.Select(s => s.Id));
        Assert.Equal([0, 1], steps.Select(s => s.Position));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1000")]
    public async Task Bad_minutes_are_refused_with_a_Dutch_message(string minutes)
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Planned);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var before = await SequenceAsync(session.Id);
        using var response = await facilitator.PostAsync($"/sessies/{session.Id}/voorbereiden?handler=EditStep",
            new Dictionary<string, string> { ["stepId"] = session.StepIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Step.Title"] = "Schrijven", ["Step.Minutes"] = minutes });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "");
        Assert.Contains("Kies een tijd van 0 tot en met 240 minuten", page.ErrorText, StringComparison.Ordinal);
        Assert.Equal(5, (await LoadAsync(session.Id)).Steps.Single().Minutes);
        Assert.Equal(before, await SequenceAsync(session.Id));
    }

    [Theory]
    [InlineData("Bestaatniet")]
    [InlineData("99")]
    [InlineData("")]
    public async Task An_unknown_werkvorm_is_refused(string form)
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Planned);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using var response = await facilitator.PostAsync($"/sessies/{session.Id}/voorbereiden?handler=AddStep", new { form });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Kies een werkvorm uit de lijst.", (await HtmlPage.ReadAsync(response, "")).ErrorText, StringComparison.Ordinal);
        Assert.Single((await LoadAsync(session.Id)).Steps);
    }

    [Fact]
    public async Task No_more_steps_than_the_maximum()
    {
        var team = await factory.Data.TeamProjectAsync();
        var seeds = Enumerable.Range(0, SessionLimits.MaxSteps).Select(_ => new StepSeed(StepMode.Write)).ToArray();
        var session = await factory.SessionAsync(team.Id, SessionState.Planned, seeds);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using var response = await facilitator.PostAsync($"/sessies/{session.Id}/voorbereiden?handler=AddStep", new { form = nameof(WorkForm.Sharing) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hoogstens 30 stappen", (await HtmlPage.ReadAsync(response, "")).ErrorText, StringComparison.Ordinal);
        Assert.Equal(SessionLimits.MaxSteps, (await LoadAsync(session.Id)).Steps.Count);
    }

    [Fact]
    public async Task Once_running_only_the_minutes_of_a_step_not_yet_started_may_change()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Share));
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var url = $"/sessies/{session.Id}/voorbereiden?handler=EditStep";
        using var later = await facilitator.PostAsync(url, new Dictionary<string, string> { ["stepId"] = session.StepIds[1].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Step.Minutes"] = "12", ["Step.Title"] = "Genegeerd" });
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        var steps = (await LoadAsync(session.Id)).Steps.OrderBy(s => s.Position).ToList();
        Assert.Equal((12, "Share"), (steps[1].Minutes, steps[1].Title));
        using var started = await facilitator.PostAsync(url, new Dictionary<string, string> { ["stepId"] = session.StepIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Step.Minutes"] = "12" });
        Assert.Equal(HttpStatusCode.BadRequest, started.StatusCode);
        Assert.Contains("Deze stap is al begonnen", (await HtmlPage.ReadAsync(started, "")).ErrorText, StringComparison.Ordinal);
        using var add = await facilitator.PostAsync($"/sessies/{session.Id}/voorbereiden?handler=AddStep", new { form = nameof(WorkForm.Sharing) });
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        using var remove = await facilitator.PostAsync($"/sessies/{session.Id}/voorbereiden?handler=RemoveStep", new { stepId = session.StepIds[1] });
        Assert.Equal(HttpStatusCode.BadRequest, remove.StatusCode);
        Assert.Equal(2, (await LoadAsync(session.Id)).Steps.Count);
    }

    [Fact]
    public async Task Only_the_projects_facilitators_plan()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Planned);
        var before = await SequenceAsync(session.Id);
        var add = $"/sessies/{session.Id}/voorbereiden?handler=AddStep";
        foreach (var (email, expected) in new[] { (team.Member.Email!, HttpStatusCode.Forbidden), (team.Observer.Email!, HttpStatusCode.Forbidden), (other.Facilitator.Email!, HttpStatusCode.NotFound) })
        {
            using var browser = await factory.SignInAsync(email);
            using var get = await browser.GetAsync($"/sessies/{session.Id}/voorbereiden");
            Expect.Status(expected, get, email);
            using var post = await browser.PostAsync(add, new { form = nameof(WorkForm.Sharing) });
            Expect.Status(expected, post, email);
            using var create = await browser.GetAsync($"/projecten/{team.Id}/sessies/nieuw");
            Assert.NotEqual(HttpStatusCode.OK, create.StatusCode);
        }
        using var anonymous = factory.NewBrowser();
        using var signedOut = await anonymous.GetAsync($"/sessies/{session.Id}/voorbereiden");
        Expect.RedirectToSignIn(signedOut);
        using var list = await anonymous.GetAsync($"/projecten/{team.Id}/sessies");
        Assert.NotEqual(HttpStatusCode.OK, list.StatusCode);
        Assert.Single((await LoadAsync(session.Id)).Steps);
        Assert.Equal(before, await SequenceAsync(session.Id));
    }

    private Task<LiveSession> LoadAsync(int id) =>
        factory.WithDbAsync(db => db.Sessions.AsNoTracking().Include(s => s.Steps).Include(s => s.Questions).SingleAsync(s => s.Id == id));

    private Task<long> SequenceAsync(int id) => factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => s.Sequence).SingleAsync());
}
