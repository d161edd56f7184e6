using Proeftuin.Features.Signification;
using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Tests.Signification;

public sealed class SignifyTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Url(int storyId, string? key = null) => $"/verhalen/{storyId}/duiden" + (key is null ? "" : "?sleutel=" + key);

    private static async Task<HttpResponseMessage> SignifyAsync(Browser browser, string url, IEnumerable<KeyValuePair<string, string>> values)
    {
        var page = await browser.OpenAsync(url);
        return await browser.SubmitAsync(page.FormFor("hulp.top"), values);
    }

    private static List<KeyValuePair<string, string>> Answers(string top = "50", string left = "30", string right = "20", params (string, string)[] more)
    {
        var list = new List<KeyValuePair<string, string>> { new("hulp.top", top), new("hulp.left", left), new("hulp.right", right) };
        list.AddRange(more.Select(m => new KeyValuePair<string, string>(m.Item1, m.Item2)));
        return list;
    }

    private async Task<(TeamProject Team, int StoryId)> MemberStoryAsync(Visibility visibility = Visibility.Open, ConsentScope scope = ConsentScope.Project)
    {
        var team = await factory.Data.TeamProjectAsync(visibility);
        var storyId = await factory.StoryAsync(team.Id, tellerId: team.Member.Id, scope: scope);
        return (team, storyId);
    }

    [Fact]
    public async Task Teller_signifies_with_the_keyboard_inputs()
    {
        var (team, storyId) = await MemberStoryAsync();
        using var teller = await factory.SignInAsync(team.Member.Email!);
        var page = await teller.OpenAsync(Url(storyId));

        // Every question has plain, labelled inputs; the drawings are hidden from assistive technology.
        foreach (var name in new[] { "hulp.top", "hulp.left", "hulp.right", "regie.x", "betrokkenen.gemeente.x", "betrokkenen.gemeente.y", "hulp.na" })
        {
            var input = page.Document.QuerySelector($"input[name='{name}']");
            Assert.NotNull(input);
            Assert.NotNull(page.Document.QuerySelector($"label[for='{input!.Id}']"));
        }
        Assert.Equal("range", page.Document.QuerySelector("input[name='regie.x']")!.GetAttribute("type"));
        Assert.Equal(4, page.Document.QuerySelectorAll("input[name='gevoel.choice'][type=radio]").Length);
        Assert.All(page.Document.QuerySelectorAll("main svg"), svg => Assert.Equal("true", svg.GetAttribute("aria-hidden")));
        Assert.Empty(page.Document.QuerySelectorAll("main [style]"));
        Assert.NotNull(page.Document.QuerySelector("script[src^='/js/signify.'][src$='.js']"));

        using var response = await teller.SubmitAsync(page.FormFor("hulp.top"), Answers("50", "30", "20",
            ("regie.x", "70"), ("betrokkenen.gemeente.x", "20"), ("betrokkenen.gemeente.y", "80"), ("gevoel.choice", "vertrouwen")));
        Expect.Redirect(response, $"/verhalen/{storyId}");

        var story = await factory.StoryRowAsync(storyId);
        Assert.Equal(0, story.FrameworkVersion);
        Assert.NotNull(story.SignifiedAt);
        var answers = SignificationAnswers.FromJson(story.SignificationJson)!;
        var hulp = answers.For("hulp")!;
        Assert.Equal(0.5, hulp.Top!.Value, 6);
        Assert.Equal(0.3, hulp.Left!.Value, 6);
        Assert.Equal(0.2, hulp.Right!.Value, 6);
        Assert.Equal(0.45, hulp.X!.Value, 6);  // right + top/2
        Assert.Equal(0.5, hulp.Y!.Value, 6);   // top
        Assert.Equal(0.7, answers.For("regie")!.X!.Value, 6);
        Assert.Equal(new StonePoint(0.2, 0.8), answers.For("betrokkenen")!.Stones!["gemeente"]);
        Assert.Null(answers.For("betrokkenen")!.Stones!["buren"]);
        Assert.Equal(["vertrouwen"], answers.For("gevoel")!.Choices!);
        Assert.Contains("\"top\":0.5", story.SignificationJson, StringComparison.Ordinal);

        // Opening the page again shows the saved answers.
        var again = await teller.OpenAsync(Url(storyId));
        Assert.Equal("50", again.Document.QuerySelector("input[name='hulp.top']")!.GetAttribute("value"));
        Assert.Equal("70", again.Document.QuerySelector("input[name='regie.x']")!.GetAttribute("value"));
        Assert.True(again.Document.QuerySelector("input[name='gevoel.choice'][value='vertrouwen']")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task Signifying_again_replaces_the_answers()
    {
        var (team, storyId) = await MemberStoryAsync();
        using var teller = await factory.SignInAsync(team.Member.Email!);
        using (var first = await SignifyAsync(teller, Url(storyId), Answers("100", "0", "0", ("gevoel.choice", "zorgen"))))
            Expect.Redirect(first, $"/verhalen/{storyId}");
        // Posted as a whole, without the list question: its earlier answer goes.
        using (var second = await teller.PostAsync(Url(storyId), Answers("", "", "", ("hulp.na", "true"), ("regie.x", "10"))))
            Expect.Redirect(second, $"/verhalen/{storyId}");
        var answers = SignificationAnswers.FromJson((await factory.StoryRowAsync(storyId)).SignificationJson)!;
        Assert.True(answers.For("hulp")!.Na);
        Assert.Null(answers.For("hulp")!.Top);
        Assert.Null(answers.For("gevoel"));
        Assert.Equal(0.1, answers.For("regie")!.X!.Value, 6);
    }

    [Fact]
    public async Task A_slider_nobody_moved_is_not_an_answer()
    {
        var (team, storyId) = await MemberStoryAsync();
        using var teller = await factory.SignInAsync(team.Member.Email!);
        var page = await teller.OpenAsync(Url(storyId));
        Assert.Equal("true", page.Document.QuerySelector("input[name='regie.x']")!.GetAttribute("data-fresh"));
        // signify.js adds regie.untouched while the slider has not been moved.
        using var response = await teller.SubmitAsync(page.FormFor("hulp.top"), Answers(more: [("regie.x", "50"), ("regie.untouched", "true")]));
        Expect.Redirect(response, $"/verhalen/{storyId}");
        var answers = SignificationAnswers.FromJson((await factory.StoryRowAsync(storyId)).SignificationJson)!;
        Assert.Null(answers.For("regie"));
        Assert.NotNull(answers.For("hulp"));
        // Once answered, the page shows the saved value and no longer counts the slider as fresh.
        using (var again = await SignifyAsync(teller, Url(storyId), Answers(more: ("regie.x", "50"))))
            Expect.Redirect(again, $"/verhalen/{storyId}");
        Assert.Equal("false", (await teller.OpenAsync(Url(storyId))).Document.QuerySelector("input[name='regie.x']")!.GetAttribute("data-fresh"));
    }

    [Fact]
    public async Task An_empty_box_next_to_filled_ones_counts_as_zero_and_a_comma_is_a_decimal_sign()
    {
        var (team, storyId) = await MemberStoryAsync();
        using var teller = await factory.SignInAsync(team.Member.Email!);
        using var response = await SignifyAsync(teller, Url(storyId), Answers("62,5", "37,5", ""));
        Expect.Redirect(response, $"/verhalen/{storyId}");
        var hulp = SignificationAnswers.FromJson((await factory.StoryRowAsync(storyId)).SignificationJson)!.For("hulp")!;
        Assert.Equal(0.625, hulp.Top!.Value, 6);
        Assert.Equal(0.0, hulp.Right!.Value, 6);
    }

    [Theory]
    [InlineData("50", "30", "10", "De drie percentages moeten samen 100 zijn. Nu is het samen 90.")]
    [InlineData("60", "30", "20", "De drie percentages moeten samen 100 zijn. Nu is het samen 110.")]
    [InlineData("-10", "60", "50", "het getal kan niet kleiner zijn dan 0.")]
    [InlineData("150", "-25", "-25", "het getal kan niet groter zijn dan 100.")]
    [InlineData("veel", "50", "50", "vul een getal in van 0 tot en met 100.")]
    [InlineData("1e2", "0", "0", "vul een getal in van 0 tot en met 100.")]
    [InlineData("NaN", "50", "50", "vul een getal in van 0 tot en met 100.")]
    public async Task Impossible_triads_are_refused_and_nothing_is_saved(string top, string left, string right, string message)
    {
        var (team, storyId) = await MemberStoryAsync();
        using var teller = await factory.SignInAsync(team.Member.Email!);
        // A valid dyad in the same form is not saved either: all answers or none.
        var page = await Expect.FormErrorAsync(await SignifyAsync(teller, Url(storyId), Answers(top, left, right, ("regie.x", "40"))), message);
        Assert.NotNull(page.Document.QuerySelector("input[aria-invalid='true']"));
        // The form keeps what was typed.
        Assert.Equal(top, page.Document.QuerySelector("input[name='hulp.top']")!.GetAttribute("value"));
        var story = await factory.StoryRowAsync(storyId);
        Assert.Null(story.SignificationJson);
        Assert.Null(story.SignifiedAt);
    }

    [Fact]
    public async Task Impossible_answers_leave_earlier_answers_untouched()
    {
        var team = await factory.Data.TeamProjectAsync();
        var storyId = await factory.StoryAsync(team.Id, tellerId: team.Member.Id, answers: StoryData.Triad(20, 40, 40));
        var before = (await factory.StoryRowAsync(storyId)).SignificationJson;
        using var teller = await factory.SignInAsync(team.Member.Email!);
        await Expect.FormErrorAsync(await SignifyAsync(teller, Url(storyId), Answers("10", "10", "10")), "Nu is het samen 30.");
        Assert.Equal(before, (await factory.StoryRowAsync(storyId)).SignificationJson);
    }

    [Fact]
    public async Task Other_bad_answers_get_Dutch_messages()
    {
        var (team, storyId) = await MemberStoryAsync();
        using var teller = await factory.SignInAsync(team.Member.Email!);
        var url = Url(storyId);
        await Expect.FormErrorAsync(await SignifyAsync(teller, url, Answers(more: ("regie.x", "101"))), "het getal kan niet groter zijn dan 100.");
        await Expect.FormErrorAsync(await SignifyAsync(teller, url, Answers(more: ("betrokkenen.gemeente.x", "30"))), "Vul bij Gemeente allebei de getallen in, of laat ze allebei leeg.");
        await Expect.FormErrorAsync(await SignifyAsync(teller, url, Answers(more: ("gevoel.choice", "verzonnen"))), "Kies bij 'Hoe voelde je je toen?' een van de antwoorden die er staan.");
        var twoChoices = Answers();
        twoChoices.Add(new("gevoel.choice", "zorgen"));
        twoChoices.Add(new("gevoel.choice", "vertrouwen"));
        await Expect.FormErrorAsync(await SignifyAsync(teller, url, twoChoices), "Kies bij 'Hoe voelde je je toen?' één antwoord.");
        await Expect.FormErrorAsync(await SignifyAsync(teller, url, Answers(more: ("gevoel.na", "true"))), "kun je niet 'niet van toepassing' kiezen.");
        await Expect.FormErrorAsync(await SignifyAsync(teller, url, Answers(TestData.Long(30), "0", "0")), "vul een getal in van 0 tot en met 100.");
        Assert.Null((await factory.StoryRowAsync(storyId)).SignificationJson);
    }

    [Fact]
    public async Task A_teller_without_an_account_signifies_with_the_private_key()
    {
        // A members-only project: the key holder cannot read the project, but may act for their own story.
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var key = Tokens.New();
        var storyId = await factory.StoryAsync(team.Id, key: key, scope: ConsentScope.Team);
        using var anonymous = factory.NewBrowser();
        using var response = await SignifyAsync(anonymous, Url(storyId, key), Answers("20", "20", "60"));
        Expect.Redirect(response, $"/verhalen/{storyId}?sleutel={key}");
        var hulp = SignificationAnswers.FromJson((await factory.StoryRowAsync(storyId)).SignificationJson)!.For("hulp")!;
        Assert.Equal(TriadZone.TopRight, Triad.Zone(hulp.Triad!.Value));

        // Without the key, or with another, the same browser finds nothing.
        Expect.Status(HttpStatusCode.NotFound, await anonymous.GetAsync(Url(storyId)));
        Expect.Status(HttpStatusCode.NotFound, await anonymous.GetAsync(Url(storyId, Tokens.New())));
        Expect.Status(HttpStatusCode.NotFound, await anonymous.GetAsync(Url(storyId, "kapot")));
    }

    [Fact]
    public async Task The_facilitator_who_recorded_the_story_may_signify_it()
    {
        var team = await factory.Data.TeamProjectAsync();
        var storyId = await factory.StoryAsync(team.Id, recordedById: team.Facilitator.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using var response = await SignifyAsync(facilitator, Url(storyId), Answers());
        Expect.Redirect(response, $"/verhalen/{storyId}");
    }

    [Fact]
    public async Task Who_may_not_signify()
    {
        var (team, storyId) = await MemberStoryAsync();
        var token = Tokens.New();

        // Another member reads the story but may not speak for its teller: 403, GET and POST alike.
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        Expect.Status(HttpStatusCode.Forbidden, await facilitator.GetAsync(Url(storyId)));
        using (var post = await facilitator.PostAsync(Url(storyId), Answers()))
            Expect.Status(HttpStatusCode.Forbidden, post);

        // Signed out without a key: sign in first (the story is readable by anyone in this open project).
        using var anonymous = factory.NewBrowser();
        Expect.RedirectToSignIn(await anonymous.GetAsync(Url(storyId)));
        Expect.RedirectToSignIn(await anonymous.GetAsync(Url(storyId, token)));

        // Someone from another project, and a made-up story.
        var outsider = await factory.Data.UserAsync();
        using var stranger = await factory.SignInAsync(outsider.Email!);
        Expect.Status(HttpStatusCode.Forbidden, await stranger.GetAsync(Url(storyId)));
        Expect.Status(HttpStatusCode.NotFound, await stranger.GetAsync(Url(int.MaxValue)));

        Assert.Null((await factory.StoryRowAsync(storyId)).SignificationJson);
    }

    [Fact]
    public async Task A_team_story_in_a_members_only_project_is_not_found_by_outsiders()
    {
        var (_, storyId) = await MemberStoryAsync(Visibility.MembersOnly, ConsentScope.Team);
        var outsider = await factory.Data.UserAsync();
        using var stranger = await factory.SignInAsync(outsider.Email!);
        Expect.Status(HttpStatusCode.NotFound, await stranger.GetAsync(Url(storyId)));
        using var anonymous = factory.NewBrowser();
        Expect.Status(HttpStatusCode.NotFound, await anonymous.GetAsync(Url(storyId)));
    }

    [Fact]
    public async Task A_withdrawn_story_cannot_be_signified_even_by_its_teller()
    {
        var team = await factory.Data.TeamProjectAsync();
        var key = Tokens.New();
        var storyId = await factory.StoryAsync(team.Id, tellerId: team.Member.Id, key: key, withdrawn: true);
        using var teller = await factory.SignInAsync(team.Member.Email!);
        Expect.Status(HttpStatusCode.NotFound, await teller.GetAsync(Url(storyId)));
        Expect.Status(HttpStatusCode.NotFound, await teller.GetAsync(Url(storyId, key)));
        using (var post = await teller.PostAsync(Url(storyId, key), Answers()))
            Expect.Status(HttpStatusCode.NotFound, post);
        Assert.Null((await factory.StoryRowAsync(storyId)).SignificationJson);
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused()
    {
        var (team, storyId) = await MemberStoryAsync();
        using var teller = await factory.SignInAsync(team.Member.Email!);
        using var response = await teller.PostWithoutTokenAsync(Url(storyId), Answers());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await factory.StoryRowAsync(storyId)).SignificationJson);
    }

    [Fact]
    public async Task Answers_keep_their_framework_version_when_the_framework_changes()
    {
        var (team, storyId) = await MemberStoryAsync();
        using var teller = await factory.SignInAsync(team.Member.Email!);
        using (var first = await SignifyAsync(teller, Url(storyId), Answers()))
            Expect.Redirect(first, $"/verhalen/{storyId}");

        // The facilitator removes the list question: a new version; the answer stays as it was.
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var editor = await facilitator.OpenAsync($"/projecten/{team.Id}/duidingskader?weghalen=gevoel");
        var remove = editor.Forms.First(f => f.Action.Contains("handler=Remove", StringComparison.Ordinal) && f.Fields.Any(x => x.Key == "signifierId" && x.Value == "gevoel"));
        using (var removed = await facilitator.SubmitAsync(remove, new { }))
            Expect.Redirect(removed, $"/projecten/{team.Id}/duidingskader");
        var story = await factory.StoryRowAsync(storyId);
        Assert.Equal(0, story.FrameworkVersion);

        // Signifying again uses version 1, without the removed question.
        var page = await teller.OpenAsync(Url(storyId));
        Assert.Empty(page.Document.QuerySelectorAll("input[name='gevoel.choice']"));
        using (var second = await teller.SubmitAsync(page.FormFor("hulp.top"), Answers("10", "10", "80")))
            Expect.Redirect(second, $"/verhalen/{storyId}");
        Assert.Equal(1, (await factory.StoryRowAsync(storyId)).FrameworkVersion);
    }
}
